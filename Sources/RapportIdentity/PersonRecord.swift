/// One incoming person record as raw strings, before normalisation.
///
/// Values are kept exactly as received; `PersonNormaliser` derives the forms used for matching.
/// Missing values are empty strings.
public struct PersonRecord: Sendable, Hashable {
    /// The caller's identifier of the record (a CSV `id` column, a source record key).
    public var id: String
    private var values: [String]

    /// Creates a record with the given id and attribute values.
    public init(id: String, _ attributes: [PersonAttribute: String] = [:]) {
        self.id = id
        self.values = Array(repeating: "", count: PersonAttribute.allCases.count)
        for (attribute, value) in attributes { self[attribute] = value }
    }

    /// The raw value of `attribute`, or `""` when missing.
    public subscript(_ attribute: PersonAttribute) -> String {
        get { attribute == .recordID ? id : values[attribute.index] }
        set {
            if attribute == .recordID { id = newValue } else { values[attribute.index] = newValue }
        }
    }
}

extension PersonAttribute {
    /// Position of the attribute in `allCases`, used for compact storage.
    var index: Int {
        switch self {
        case .recordID: return 0
        case .givenName: return 1
        case .surname: return 2
        case .dateOfBirth: return 3
        case .email: return 4
        case .phone: return 5
        case .streetNumber: return 6
        case .address1: return 7
        case .address2: return 8
        case .city: return 9
        case .postcode: return 10
        case .state: return 11
        case .country: return 12
        case .nationalID: return 13
        case .customerNumber: return 14
        case .loyaltyCard: return 15
        }
    }
}
