/// E-mail normalisation: trimmed and lower-cased, with an optional provider rule.
///
/// The optional `canonicalGmail` rule follows Gmail's own delivery semantics: dots in the local
/// part are ignored and a `+tag` suffix is dropped, for `gmail.com` and `googlemail.com` (which
/// becomes `gmail.com`). It is off by default because other providers treat dots as
/// significant; turn it on when a source is known to mix such variants.
public enum EmailAddress {
    /// How far normalisation goes.
    public enum Rule: Sendable, Hashable {
        /// Trim and lower-case only.
        case plain
        /// Also apply Gmail's dot and plus-tag equivalence.
        case canonicalGmail
    }

    /// The normalised form of `raw`, or a `NormalisationError` naming the reason.
    public static func normalise(_ raw: String, rule: Rule = .plain) throws(NormalisationError)
        -> String
    {
        let trimmed = raw.trimmedWhitespace.lowercased()
        func fail(_ reason: NormalisationError.Reason) -> NormalisationError {
            NormalisationError(field: .email, value: raw, reason: reason)
        }
        guard !trimmed.isEmpty else { throw fail(.empty) }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { throw fail(.missingAtSign) }
        guard !trimmed.unicodeScalars.contains(where: { $0 == " " || $0 == "," || $0 == ";" }) else {
            throw fail(.invalidCharacters)
        }
        var local = String(parts[0])
        var domain = String(parts[1])
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { throw fail(.invalidDomain) }
        if rule == .canonicalGmail, domain == "gmail.com" || domain == "googlemail.com" {
            domain = "gmail.com"
            if let plus = local.firstIndex(of: "+") { local = String(local[..<plus]) }
            local.removeAll { $0 == "." }
        }
        return local + "@" + domain
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
