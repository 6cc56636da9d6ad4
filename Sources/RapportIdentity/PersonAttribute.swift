/// An attribute of a person record that the engine understands.
///
/// CSV columns are mapped onto these (see `ColumnMapping`); the raw string values of a record
/// are kept per attribute in `PersonRecord`.
public enum PersonAttribute: String, Sendable, CaseIterable, Hashable, Codable {
    case recordID = "id"
    case givenName = "given_name"
    case surname
    case dateOfBirth = "date_of_birth"
    case email
    case phone
    case streetNumber = "street_number"
    case address1 = "address_1"
    case address2 = "address_2"
    case city
    case postcode
    case state
    case country
    case nationalID = "national_id"
    case customerNumber = "customer_number"
    case loyaltyCard = "loyalty_card"

    /// Column names recognised without a mapping, lower-cased, for each attribute.
    public var knownColumnNames: [String] {
        switch self {
        case .recordID: return ["id", "rec_id", "record_id", "person_id"]
        case .givenName: return ["given_name", "first_name", "firstname", "forename", "givenname"]
        case .surname: return ["surname", "last_name", "lastname", "family_name"]
        case .dateOfBirth: return ["date_of_birth", "birth_date", "dob", "birthdate"]
        case .email: return ["email", "e_mail", "email_address"]
        case .phone: return ["phone", "phone_number", "telephone", "mobile"]
        case .streetNumber: return ["street_number", "house_number"]
        case .address1: return ["address", "street_address", "address_1", "address1", "street"]
        case .address2: return ["address_2", "address2"]
        case .city: return ["city", "suburb", "town", "locality"]
        case .postcode: return ["postcode", "zip", "zip_code", "postal_code", "zipcode"]
        case .state: return ["state", "region", "province", "voivodeship"]
        case .country: return ["country", "country_code"]
        case .nationalID: return ["national_id", "soc_sec_id", "ssn", "pesel", "nik"]
        case .customerNumber: return ["customer_number", "customer_no", "customer_id"]
        case .loyaltyCard: return ["loyalty_card", "card_number", "loyalty_number"]
        }
    }
}
