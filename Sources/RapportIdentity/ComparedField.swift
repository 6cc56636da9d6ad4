/// A field compared in loose (probabilistic) matching, with its ordered comparison levels.
///
/// Level `0` always means "missing on either side" (no evidence, weight zero); levels `1…n`
/// run from the strongest agreement to plain disagreement, named by `levelNames`.
public enum ComparedField: Int, CaseIterable, Sendable, Codable, Hashable {
    case givenName, surname, dateOfBirth, streetNumber, street, locality, city, postcode, state
    case email, phone, nationalID

    /// How values of the field are compared.
    enum Comparator {
        /// Exact / Jaro–Winkler ≥ 0.92 / Jaro–Winkler ≥ 0.80, same NYSIIS code or one edit / different /
        /// unrelated (Jaro–Winkler < 0.6 and another initial).
        case name
        /// Exact / Jaro–Winkler ≥ 0.90 / Jaro–Winkler ≥ 0.80 / different.
        case text
        /// Exact / day–month swap or one edit / two edits / different / ten or more years apart.
        case date
        /// Exact / one edit / different.
        case code
        /// Exact / one edit / two edits / different.
        case identifier
        /// Exact / same local part or Jaro–Winkler ≥ 0.92 / different.
        case email
        /// Exact / different.
        case exact
    }

    var comparator: Comparator {
        switch self {
        case .givenName, .surname: return .name
        case .street, .locality, .city: return .text
        case .dateOfBirth: return .date
        case .streetNumber, .postcode, .phone: return .code
        case .nationalID: return .identifier
        case .email: return .email
        case .state: return .exact
        }
    }

    /// Human-readable names of levels `1…n`, used in explanations.
    public var levelNames: [String] {
        switch comparator {
        case .name:
            return [
                "exact", "jaro-winkler >= 0.92", "jaro-winkler >= 0.80 or same phonetic code", "different",
                "unrelated (jaro-winkler < 0.6, other initial)",
            ]
        case .text: return ["exact", "jaro-winkler >= 0.90", "jaro-winkler >= 0.80", "different"]
        case .date:
            return [
                "exact", "day/month swapped or one digit off", "two digits off", "different", "ten or more years apart",
            ]
        case .code: return ["exact", "one edit", "different"]
        case .identifier: return ["exact", "one edit", "two edits", "different"]
        case .email: return ["exact", "same local part or jaro-winkler >= 0.92", "different"]
        case .exact: return ["exact", "different"]
        }
    }

    /// Number of non-missing levels.
    public var levelCount: Int { levelNames.count }

    /// Whether an exact agreement is weighted by how frequent the agreeing value is
    /// (a shared rare surname is stronger evidence than a shared "Smith").
    public var usesTermFrequency: Bool {
        switch self {
        case .givenName, .surname, .street, .city: return true
        default: return false
        }
    }

    /// Short stable name used in explanations and CSV output.
    public var name: String {
        switch self {
        case .givenName: return "given_name"
        case .surname: return "surname"
        case .dateOfBirth: return "date_of_birth"
        case .streetNumber: return "street_number"
        case .street: return "street"
        case .locality: return "address_2"
        case .city: return "city"
        case .postcode: return "postcode"
        case .state: return "state"
        case .email: return "email"
        case .phone: return "phone"
        case .nationalID: return "national_id"
        }
    }
}
