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
        if rule == .plain, let valid = validASCII(raw) { return valid }
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

extension EmailAddress {
    /// The plain normal form of an ASCII address that needs no trimming and passes every check
    /// of `normalise`, read byte by byte (most addresses); `nil` sends the address through
    /// `normalise`'s general path, which also names what is wrong.
    static func validASCII(_ raw: String) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            guard let first = bytes.first, let last = bytes.last else { return nil }
            let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
            guard !isSpace(first), !isSpace(last) else { return nil }
            var lowered = [UInt8](repeating: 0, count: bytes.count)
            var at: Int?
            for (k, byte) in bytes.enumerated() {
                guard byte < 0x80, byte != 0x20, byte != 0x2C, byte != 0x3B else { return nil }
                if byte == 0x40 {
                    guard at == nil else { return nil }
                    at = k
                }
                lowered[k] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            }
            guard let at, at > 0 else { return nil }
            // The domain: at least two labels, none empty.
            var labels = 1
            var previous = UInt8(ascii: "@")
            for byte in bytes[(at + 1)...] {
                if byte == 0x2E {
                    guard previous != 0x2E && previous != 0x40 else { return nil }
                    labels += 1
                }
                previous = byte
            }
            guard labels >= 2, previous != 0x2E else { return nil }
            return String(decoding: lowered, as: UTF8.self)
        }
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
