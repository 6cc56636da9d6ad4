import RapportCore
import RapportLocales

/// Postal addresses in each country's form, as ``AddressStandardizer`` cleans them: "1234
/// Maple St", "ul. Długa 5/3, 31-123 Kraków", "Jl. Merdeka No. 10, 40111 Bandung".
///
/// The standardiser works word by word, so every "street type + street name" and every city
/// is standardised (and folded for the matching key) once, up front; an address is then put
/// together from those parts, a house number and a postcode. That keeps the standardiser
/// and ``SearchText/fold(_:)`` out of the per-household path, where they were a quarter of
/// the generation time. Debug builds check every address against a full
/// ``AddressStandardizer/standardize(_:field:)`` and ``AddressStandardizer/matchKey(_:)``.
struct AddressFactory: Sendable {
    /// Text as written, standardised, and folded for the matching key.
    struct Form: Sendable {
        let raw: String
        let text: String
        let key: String
    }

    let catalog: LocaleCatalog
    /// Street names the standardiser keeps as they are. Its title-casing would turn a roman
    /// numeral into "Ii" ("Jana Pawła II"), so names with an all-capital word are left out.
    let streets: [String]
    /// Street types as written before standardising, with how common each is.
    private let types: [(name: String, weight: Int)]
    private let typeChoice: Weighted<Int>
    /// `forms[street][type]`: the standardised street part of the first address line.
    private let forms: [[Form]]
    private let cities: [String: Form]

    /// One per country, made once.
    static let byCountry = Dictionary(
        uniqueKeysWithValues: Country.allCases.map { ($0, AddressFactory(catalog: .of($0))) })

    private init(catalog: LocaleCatalog) {
        self.catalog = catalog
        let streets = catalog.streets.filter { name in
            !name.split(separator: " ").contains { $0.count > 1 && $0.allSatisfy(\.isUppercase) }
        }
        let types: [(name: String, weight: Int)] =
            switch catalog.country {
            case .us: [("Street", 40), ("Avenue", 20), ("Road", 12), ("Drive", 12), ("Lane", 8), ("Court", 8)]
            case .pl: [("ulica", 85), ("aleja", 8), ("osiedle", 7)]
            case .id: [("Jalan", 80), ("Jalan Raya", 8), ("Gang", 12)]
            }
        let country = catalog.country.rawValue
        func standardized(_ line: String, city: String) -> (line: Form, city: Form) {
            guard
                case .success(let address) = AddressStandardizer.standardize(
                    PostalAddress(line1: line, city: city, country: country))
            else { preconditionFailure("demo street '\(line)' rejected") }
            return (
                Form(raw: line, text: address.line1, key: SearchText.fold(address.line1)),
                Form(raw: city, text: address.city, key: SearchText.fold(address.city))
            )
        }
        let anyCity = catalog.cities[0].name
        forms = streets.map { street in
            types.map { type in
                // "Jalan Raya Raya Bogor" is no address: a street named "Raya …" takes plain "Jalan".
                let type = street.hasPrefix("Raya") ? types[0].name : type.name
                let line = catalog.country == .us ? "\(street) \(type)" : "\(type) \(street)"
                return standardized(line, city: anyCity).line
            }
        }
        cities = Dictionary(
            uniqueKeysWithValues: catalog.cities.map { ($0.name, standardized("x", city: $0.name).city) })
        self.streets = streets
        self.types = types
        typeChoice = Weighted(types.indices.map { ($0, types[$0].weight) })
    }

    /// A city, larger ones (listed first) more often.
    func city(_ random: inout DemoRandom) -> CityEntry {
        catalog.cities[random.skewedIndex(catalog.cities.count)]
    }

    /// A home address in `city`; offices in the US get a suite.
    func residence(in city: CityEntry, office: Bool = false, _ random: inout DemoRandom) -> Residence {
        let form = forms[random.skewedIndex(streets.count)][typeChoice.draw(&random)]
        let number: String
        var line2: String?
        switch catalog.country {
        case .us:
            number = "\(random.int(1...9899)) "
            if office {
                line2 = "Ste \(random.int(1...9))00"
            } else if random.chance(12) {
                line2 = "Apt \(random.int(1...48))"
            }
        case .pl:
            number = " \(random.int(1...140))" + (random.chance(60) ? "/\(random.int(1...120))" : "")
        case .id:
            number = " No. \(random.int(1...250))"
        }
        let us = catalog.country == .us
        let line1 = us ? number + form.text : form.text + number
        let lineKey = us ? number + form.key : form.key + number.lowercased()
        let postcode = catalog.formatPostcode(random.int(city.postcodes))
        let cityForm = cities[city.name]!
        let address = PostalAddress(
            line1: line1, line2: line2, city: cityForm.text, postcode: postcode, region: city.region,
            country: catalog.country.rawValue)
        let key = [lineKey, line2?.lowercased(), postcode, cityForm.key, address.country.lowercased()]
            .compactMap { $0 }.joined(separator: " ")
        assert(
            AddressStandardizer.standardize(
                PostalAddress(
                    line1: us ? number + form.raw : form.raw + number, line2: line2, city: city.name,
                    postcode: postcode,
                    region: city.region, country: address.country)) == .success(address),
            "demo address \(address) is not what the standardiser makes")
        assert(AddressStandardizer.matchKey(address) == key, "demo address key \(key)")
        return Residence(address, key: key)
    }
}

/// An address with its display form and matching key, worked out once per household rather
/// than for every member.
struct Residence: Sendable {
    let address: PostalAddress
    let value: String
    let key: String

    init(_ address: PostalAddress, key: String) {
        self.address = address
        value = address.formatted
        self.key = key
    }
}
