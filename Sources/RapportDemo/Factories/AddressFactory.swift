import RapportCore
import RapportLocales

/// Postal addresses in each country's form, cleaned by ``AddressStandardizer``: "1234 Maple
/// St", "ul. Długa 5/3, 31-123 Kraków", "Jl. Merdeka No. 10, 40111 Bandung".
struct AddressFactory {
    let catalog: LocaleCatalog
    /// Street names the standardiser keeps as they are. Its title-casing would turn a roman
    /// numeral into "Ii" ("Jana Pawła II"), so names with an all-capital word are left out.
    let streets: [String]

    /// One per country, made once.
    static let byCountry = Dictionary(
        uniqueKeysWithValues: Country.allCases.map { ($0, AddressFactory(catalog: .of($0))) })

    private init(catalog: LocaleCatalog) {
        self.catalog = catalog
        streets = catalog.streets.filter { name in
            !name.split(separator: " ").contains { $0.count > 1 && $0.allSatisfy(\.isUppercase) }
        }
    }

    /// A city, larger ones (listed first) more often.
    func city(_ random: inout DemoRandom) -> CityEntry {
        catalog.cities[random.skewedIndex(catalog.cities.count)]
    }

    /// A home address in `city`.
    func home(in city: CityEntry, _ random: inout DemoRandom) -> PostalAddress {
        let street = streets[random.skewedIndex(streets.count)]
        var line2: String?
        let line1: String
        switch catalog.country {
        case .us:
            let type = random.weighted([
                ("Street", 40), ("Avenue", 20), ("Road", 12), ("Drive", 12), ("Lane", 8), ("Court", 8),
            ])
            line1 = "\(random.int(1...9899)) \(street) \(type)"
            if random.chance(12) { line2 = "Apt \(random.int(1...48))" }
        case .pl:
            let type = random.weighted([("ulica", 85), ("aleja", 8), ("osiedle", 7)])
            let flat = random.chance(60) ? "/\(random.int(1...120))" : ""
            line1 = "\(type) \(street) \(random.int(1...140))\(flat)"
        case .id:
            let type =
                street.hasPrefix("Raya")
                ? "Jalan" : random.weighted([("Jalan", 80), ("Jalan Raya", 8), ("Gang", 12)])
            line1 = "\(type) \(street) No. \(random.int(1...250))"
        }
        return standardized(line1: line1, line2: line2, city: city, random: &random)
    }

    /// An office address, for organisations.
    func office(in city: CityEntry, _ random: inout DemoRandom) -> PostalAddress {
        var address = home(in: city, &random)
        if catalog.country == .us, address.line2 == nil { address.line2 = "Ste \(random.int(1...9))00" }
        return address
    }

    private func standardized(
        line1: String, line2: String?, city: CityEntry, random: inout DemoRandom
    ) -> PostalAddress {
        let postcode = catalog.formatPostcode(random.int(city.postcodes))
        let raw = PostalAddress(
            line1: line1, line2: line2, city: city.name, postcode: postcode, region: city.region,
            country: catalog.country.rawValue)
        switch AddressStandardizer.standardize(raw) {
        case .success(let address): return address
        case .failure(let error): preconditionFailure("demo address rejected: \(error.message)")
        }
    }
}
