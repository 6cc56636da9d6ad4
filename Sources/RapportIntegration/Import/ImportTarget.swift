import RapportCore

/// Where a CSV column's value goes in an ``IngestRecord``: a record field (`givenName`), a
/// part of the postal address (`address.city`) or a custom attribute (`attributes.shoe_size`).
/// Whether the touchpoint may supply it is checked by ingestion, like for JSON records.
public enum ImportTarget: Hashable, Sendable, CustomStringConvertible {
    case field(Field)
    case address(AddressPart)
    case attribute(String)

    /// The record fields a column can fill.
    public enum Field: String, CaseIterable, Sendable {
        case externalID, loyaltyCard, givenName, familyName, birthDate, gender, language, email, phone, country
    }

    /// The parts of a postal address a column can fill.
    public enum AddressPart: String, CaseIterable, Sendable {
        case line1, line2, city, postcode, region, country
    }

    /// Reads a target as a mapping file writes it; nil when it names nothing known.
    public init?(name: String) {
        if let field = Field(rawValue: name) {
            self = .field(field)
        } else if name.hasPrefix("address."), let part = AddressPart(rawValue: String(name.dropFirst(8))) {
            self = .address(part)
        } else if name.hasPrefix("attributes."), name.count > 11 {
            self = .attribute(String(name.dropFirst(11)))
        } else {
            return nil
        }
    }

    /// Every name a mapping may use, for error messages (`attributes.KEY` stands for any key).
    public static var knownNames: [String] {
        Field.allCases.map(\.rawValue) + AddressPart.allCases.map { "address.\($0.rawValue)" } + ["attributes.KEY"]
    }

    public var description: String {
        switch self {
        case .field(let field): field.rawValue
        case .address(let part): "address.\(part.rawValue)"
        case .attribute(let key): "attributes.\(key)"
        }
    }

    /// Puts `value` (not empty) into `record`.
    func apply(_ value: String, to record: inout IngestRecord, dates: ImportDateFormat) {
        switch self {
        case .field(let field):
            switch field {
            case .externalID: record.externalID = value
            case .loyaltyCard: record.loyaltyCard = value
            case .givenName: record.givenName = value
            case .familyName: record.familyName = value
            case .birthDate: record.birthDate = dates.isoDate(value) ?? value
            case .gender: record.gender = value
            case .language: record.language = value
            case .email: record.email = value
            case .phone: record.phone = value
            case .country: record.country = value
            }
        case .address(let part):
            var address = record.address ?? AddressDraft()
            switch part {
            case .line1: address.line1 = value
            case .line2: address.line2 = value
            case .city: address.city = value
            case .postcode: address.postcode = value
            case .region: address.region = value
            case .country: address.country = value
            }
            record.address = address
        case .attribute(let key):
            record.attributes = (record.attributes ?? [:]).merging([key: .string(value)]) { $1 }
        }
    }
}
