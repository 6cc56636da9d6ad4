import RapportLocales

/// The true attributes of one generated person, before any record of them is written.
struct GeneratedPerson: Sendable {
    var country: Country
    var female: Bool
    var givenName: String
    var surname: String
    var birthDate: CalendarDate
    var home: GeneratedAddress
    var mobile: String
    var landline: String?
    var emailLocal: String
    var emailDomain: String
}

/// A true address in national form.
struct GeneratedAddress: Sendable {
    var streetName: String
    var streetType: String
    var number: Int
    var city: CityEntry
    var postcode: Int
}

/// A seeded data set of people records with the true person of every record.
public struct GeneratedPeople: Sendable {
    /// The records, shuffled.
    public let records: [PersonRecord]
    /// The true person (entity number) of each record, in the same order.
    public let trueClusters: [Int]
    /// Number of distinct people.
    public let peopleCount: Int
}
