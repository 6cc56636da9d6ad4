/// Why a value could not be normalised: the attribute it belongs to and a stable reason.
///
/// Callers (the import pipeline, the quarantine) show `description` to people and store
/// `reason.code` to group failures.
public struct NormalisationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The attribute whose value was rejected.
    public let field: PersonAttribute
    /// The value as received.
    public let value: String
    /// What is wrong with it.
    public let reason: Reason

    /// What can be wrong with a value.
    public enum Reason: Sendable, Hashable {
        case empty
        case invalidCharacters
        case tooShort(minimum: Int)
        case tooLong(maximum: Int)
        case unknownCountry
        case invalidFormat(expected: String)
        case outOfRange(String)
        case missingAtSign
        case invalidDomain

        /// A stable machine-readable code.
        public var code: String {
            switch self {
            case .empty: return "empty"
            case .invalidCharacters: return "invalid_characters"
            case .tooShort: return "too_short"
            case .tooLong: return "too_long"
            case .unknownCountry: return "unknown_country"
            case .invalidFormat: return "invalid_format"
            case .outOfRange: return "out_of_range"
            case .missingAtSign: return "missing_at_sign"
            case .invalidDomain: return "invalid_domain"
            }
        }
    }

    /// Creates an error for `field` with the offending `value`.
    public init(field: PersonAttribute, value: String, reason: Reason) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String {
        let detail: String
        switch reason {
        case .empty: detail = "is empty"
        case .invalidCharacters: detail = "contains characters that are not allowed"
        case .tooShort(let minimum): detail = "is too short (at least \(minimum) digits expected)"
        case .tooLong(let maximum): detail = "is too long (at most \(maximum) digits expected)"
        case .unknownCountry: detail = "needs a country (US, PL or ID) to be interpreted"
        case .invalidFormat(let expected): detail = "is not in the expected format \(expected)"
        case .outOfRange(let what): detail = "is out of range: \(what)"
        case .missingAtSign: detail = "has no single @ between local part and domain"
        case .invalidDomain: detail = "has an invalid domain"
        }
        return "\(field.rawValue) '\(value)' \(detail)"
    }
}
