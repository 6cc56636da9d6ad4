import Foundation

/// One customer record as a touchpoint sends it to the ingestion API (R1.2). Every field
/// is optional; ``IngestRecord/normalised(for:ids:now:)`` decides whether it is usable.
public struct IngestRecord: Codable, Sendable, Equatable {
    /// The customer number at this touchpoint; a deterministic key within the touchpoint.
    public var externalID: String?
    /// A loyalty card number; a deterministic key across all touchpoints.
    public var loyaltyCard: String?
    public var givenName: String?
    public var familyName: String?
    /// `YYYY-MM-DD`.
    public var birthDate: String?
    public var gender: String?
    public var language: String?
    public var email: String?
    public var phone: String?
    public var address: AddressDraft?
    /// ISO 3166 code: the person's country and the context for national phone numbers.
    public var country: String?
    /// Anything else the source sends, kept in the raw record; each key is checked
    /// against what the touchpoint may supply.
    public var attributes: [String: JSONValue]?

    public init(
        externalID: String? = nil, loyaltyCard: String? = nil, givenName: String? = nil, familyName: String? = nil,
        birthDate: String? = nil, gender: String? = nil, language: String? = nil, email: String? = nil, phone: String? = nil,
        address: AddressDraft? = nil, country: String? = nil, attributes: [String: JSONValue]? = nil
    ) {
        self.externalID = externalID
        self.loyaltyCard = loyaltyCard
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.gender = gender
        self.language = language
        self.email = email
        self.phone = phone
        self.address = address
        self.country = country
        self.attributes = attributes
    }

    /// The top-level keys a record may have; anything else belongs under `attributes`.
    public static let fieldNames: Set<String> = [
        "externalID", "loyaltyCard", "givenName", "familyName", "birthDate", "gender", "language", "email", "phone", "address",
        "country", "attributes",
    ]

    /// An issue for each top-level key of `object` that is not a field of a record, so a
    /// misspelt field is reported instead of silently ignored.
    public static func unknownFields(in object: [String: JSONValue]) -> [FieldIssue] {
        object.keys.filter { !fieldNames.contains($0) }.sorted().map {
            FieldIssue(field: $0, code: "unknown_field", message: "'\($0)' is not a record field; send custom attributes under 'attributes'.")
        }
    }

    /// The attribute names this record supplies: non-empty fields and custom attribute keys.
    public var suppliedAttributes: [String] {
        func has(_ text: String?) -> Bool { !(text?.trimmingSpacesAndNewlines().isEmpty ?? true) }
        let fields: [(TouchpointAttribute, Bool)] = [
            (.externalID, has(externalID)), (.loyaltyCard, has(loyaltyCard)), (.givenName, has(givenName)),
            (.familyName, has(familyName)), (.birthDate, has(birthDate)), (.gender, has(gender)), (.language, has(language)),
            (.email, has(email)), (.phone, has(phone)), (.postal, address != nil),
        ]
        return fields.filter(\.1).map(\.0.rawValue) + (attributes ?? [:]).keys.sorted()
    }
}

/// Any JSON value, for the free-form attributes of an ingested record.
public indirect enum JSONValue: Codable, Sendable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
