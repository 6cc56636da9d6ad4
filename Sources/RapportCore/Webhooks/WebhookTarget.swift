import Foundation

/// The rules for a webhook's target URL: absolute `http` or `https` with a host, at most
/// 2,000 characters, and no user name or password in it (credentials in a URL end up in
/// logs and screens; receivers authenticate Rapport by the signature instead).
public enum WebhookTarget {
    /// The URL, trimmed, if it passes; otherwise an issue naming `field` is added.
    public static func check(_ text: String?, field: String, into issues: inout IssueCollector) -> String? {
        guard let trimmed = issues.text(text, field: field, required: true, maxLength: 2000) else { return nil }
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased() else {
            issues.add(.invalid(field, "\(field) must be an absolute http or https URL."))
            return nil
        }
        guard scheme == "http" || scheme == "https" else {
            issues.add(.invalid(field, "\(field) must use http or https, not '\(scheme)'."))
            return nil
        }
        guard let host = parts.host, !host.isEmpty else {
            issues.add(.invalid(field, "\(field) must name a host."))
            return nil
        }
        guard parts.user == nil, parts.password == nil else {
            issues.add(
                .invalid(field, "\(field) must not contain a user name or password; receivers check the signature."))
            return nil
        }
        guard parts.fragment == nil else {
            issues.add(.invalid(field, "\(field) must not have a #fragment."))
            return nil
        }
        return trimmed
    }
}
