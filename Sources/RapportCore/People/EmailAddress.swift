/// Checks and normalises e-mail addresses for storage and exact matching.
public enum EmailAddress {
    /// Trims and lower-cases an address after a pragmatic syntax check: one `@`, a local
    /// part and a domain with a dot, no spaces, at most 254 characters. Returns an issue
    /// naming `field` otherwise.
    public static func normalize(_ text: String, field: String = "email") -> Result<String, FieldIssue> {
        let value = text.trimmingSpacesAndNewlines().lowercased()
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.count <= 254 else { return .failure(.tooLong(field, max: 254)) }
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains(".."),
            !value.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
        else {
            return .failure(.invalid(field, "\(field) '\(text)' is not an e-mail address like name@example.com."))
        }
        return .success(value)
    }
}
