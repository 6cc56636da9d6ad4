/// A city (or town) with the region it lies in and the range of postcodes it uses.
///
/// Postcodes are kept as integers so a generator can draw one and a checker can test
/// membership; `LocaleCatalog.formatPostcode(_:)` renders them in the country's format
/// (US `12345`, PL `12-345`, ID `12345`).
public struct CityEntry: Sendable, Hashable {
    /// The display name with its diacritics, e.g. `"Łódź"`.
    public let name: String
    /// State (US, two-letter code), voivodeship (PL) or province (ID).
    public let region: String
    /// The postcodes of this city as integers, e.g. `90001...94999` for Łódź (`90-001`…`94-999`).
    public let postcodes: ClosedRange<Int>
    /// The landline area code used in the city, without trunk prefix (US NPA, PL two digits,
    /// ID two to three digits after the leading `0`).
    public let areaCode: String

    /// Creates an entry.
    public init(name: String, region: String, postcodes: ClosedRange<Int>, areaCode: String) {
        self.name = name
        self.region = region
        self.postcodes = postcodes
        self.areaCode = areaCode
    }

    /// Whether `postcode` (as an integer) belongs to this city.
    public func contains(postcode: Int) -> Bool {
        postcodes.contains(postcode)
    }
}
