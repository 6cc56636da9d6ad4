import RapportLocales

/// Draws the true people of a generated data set: households of relatives sharing surname,
/// address and sometimes a landline; twins; fathers and sons with the same given name; and
/// namesakes with the same full name living elsewhere.
struct GeneratedPopulation {
    private(set) var people: [GeneratedPerson] = []
    private var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    /// A skewed pick favouring the start of `list` (the lists are most-common first).
    private mutating func pick<T>(_ list: [T]) -> T {
        let x = Double.random(in: 0..<1, using: &rng)
        return list[min(list.count - 1, Int(x * x * Double(list.count)))]
    }

    private mutating func any<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &rng)] }

    mutating func address(in country: Country) -> GeneratedAddress {
        let catalog = LocaleCatalog.of(country)
        let city = any(catalog.cities)
        return GeneratedAddress(
            streetName: any(catalog.streets), streetType: pick(catalog.streetTypes),
            number: Int.random(in: 1...250, using: &rng),
            city: city, postcode: Int.random(in: city.postcodes, using: &rng))
    }

    mutating func phone(in country: Country, city: CityEntry, mobile: Bool) -> String {
        let plan = LocaleCatalog.of(country).phonePlan
        func digits(_ n: Int) -> String { (0..<n).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined() }
        switch country {
        case .us:
            return (mobile ? any(LocaleCatalog.of(.us).cities).areaCode : city.areaCode)
                + String(Int.random(in: 2...9, using: &rng)) + digits(6)
        case .pl:
            return mobile
                ? any(plan.mobilePrefixes) + digits(7)
                : city.areaCode + String(Int.random(in: 2...7, using: &rng)) + digits(6)
        case .id:
            if mobile { return any(plan.mobilePrefixes) + digits(plan.mobileLength - 3) }
            return city.areaCode + String(Int.random(in: 3...8, using: &rng)) + digits(9 - city.areaCode.count)
        }
    }

    private mutating func person(
        country: Country, female: Bool, surname base: String, born: Int, home: GeneratedAddress, landline: String?
    ) -> GeneratedPerson {
        let catalog = LocaleCatalog.of(country)
        let given = female ? pick(catalog.femaleGivenNames) : pick(catalog.maleGivenNames)
        let single = country == .id && chance(catalog.singleNameShare)
        let surname = single ? "" : catalog.surname(base, female: female)
        let month = Int.random(in: 1...12, using: &rng)
        let day = Int.random(in: 1...CalendarDate.days(inMonth: month, year: born), using: &rng)
        let foldedGiven = NameFolding.fold(given).replacingSpaces
        let foldedSurname = NameFolding.fold(surname).replacingSpaces
        let local: String
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: local = foldedSurname.isEmpty ? foldedGiven + String(born % 100) : foldedGiven + "." + foldedSurname
        case 1: local = foldedGiven + foldedSurname + String(Int.random(in: 1...999, using: &rng))
        case 2: local = String(foldedGiven.prefix(1)) + foldedSurname + String(born % 100)
        default: local = foldedGiven + "_" + String(Int.random(in: 100...99999, using: &rng))
        }
        return GeneratedPerson(
            country: country, female: female, givenName: given, surname: surname,
            birthDate: try! CalendarDate(year: born, month: month, day: day), home: home,
            mobile: phone(in: country, city: home.city, mobile: true), landline: landline,
            emailLocal: local, emailDomain: pick(catalog.emailDomains))
    }

    /// Adds one household (one to five people) and returns how many people it added.
    mutating func addHousehold() -> Int {
        let country = any(Country.allCases)
        let catalog = LocaleCatalog.of(country)
        let home = address(in: country)
        let landline = chance(0.4) ? phone(in: country, city: home.city, mobile: false) : nil
        let surname = pick(catalog.surnames)
        let headBorn = Int.random(in: 1940...2000, using: &rng)
        let headFemale = chance(0.5)
        let start = people.count
        people.append(
            person(
                country: country, female: headFemale, surname: surname, born: headBorn, home: home, landline: landline))
        if chance(0.5) {
            let born = headBorn + Int.random(in: -6...6, using: &rng)
            people.append(
                person(
                    country: country, female: !headFemale, surname: surname, born: born, home: home, landline: landline)
            )
        }
        if headBorn < 1985, chance(0.45) {
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                var child = person(
                    country: country, female: chance(0.5), surname: surname,
                    born: min(2008, headBorn + Int.random(in: 20...35, using: &rng)), home: home, landline: landline)
                if chance(0.1), !people[start].female, !child.female { child.givenName = people[start].givenName }
                people.append(child)
                if chance(0.03) {
                    var twin = person(
                        country: country, female: chance(0.5), surname: surname, born: child.birthDate.year, home: home,
                        landline: landline)
                    twin.birthDate = child.birthDate
                    people.append(twin)
                }
            }
        }
        if chance(0.05), let namesakeOf = people.indices.randomElement(using: &rng) {
            let original = people[namesakeOf]
            var namesake = person(
                country: original.country, female: original.female, surname: original.surname,
                born: Int.random(in: 1940...2005, using: &rng), home: address(in: original.country), landline: nil)
            namesake.givenName = original.givenName
            namesake.surname = original.surname
            people.append(namesake)
        }
        return people.count - start
    }
}

extension String {
    /// Spaces removed (for e-mail local parts built from multi-word names).
    var replacingSpaces: String { filter { $0 != " " } }
}
