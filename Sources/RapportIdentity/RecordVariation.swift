import RapportLocales

/// Writes one record of a generated person the way a real source would: with typos, dropped
/// diacritics (Łukasz Żółć → Lukasz Zolc), swapped names, other phone formats, changed
/// e-mails and phones, a new address after a move, transposed birth dates and missing values.
struct RecordVariation {
    var rng: SeededGenerator

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    private mutating func any<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &rng)] }

    /// A record of `person`. The first record of a person is clean; later ones are varied.
    mutating func record(of person: GeneratedPerson, id: String, clean: Bool, movedTo: GeneratedAddress?)
        -> PersonRecord
    {
        var given = person.givenName
        var surname = person.surname
        let ascii = !clean && chance(0.35)
        if !clean {
            if chance(0.15) { given = typo(given) }
            if chance(0.15) { surname = typo(surname) }
            if ascii {
                given = Self.stripDiacritics(given)
                surname = Self.stripDiacritics(surname)
            }
            if chance(0.05) { swap(&given, &surname) }
        }
        var record = PersonRecord(id: id)
        record[.givenName] = given
        record[.surname] = surname
        record[.country] = countryText(person.country, clean: clean)
        record[.dateOfBirth] =
            clean || !chance(0.05) ? birthDate(person.birthDate, country: person.country, clean: clean) : ""
        let home = movedTo ?? person.home
        write(home, country: person.country, ascii: ascii, clean: clean, into: &record)
        let phoneNumber = !clean && chance(0.15) ? (person.landline ?? person.mobile) : person.mobile
        if clean || !chance(0.15) {
            record[.phone] =
                !clean && chance(0.1) ? typo(phoneNumber, digits: true) : phone(phoneNumber, country: person.country)
        }
        if clean || !chance(0.2) {
            var local = person.emailLocal
            if !clean && chance(0.15) { local = typo(local) }
            let domain =
                !clean && chance(0.15) ? any(LocaleCatalog.of(person.country).emailDomains) : person.emailDomain
            record[.email] = chance(0.1) ? (local + "@" + domain).uppercased() : local + "@" + domain
        }
        return record
    }

    private mutating func write(
        _ home: GeneratedAddress, country: Country, ascii: Bool, clean: Bool, into record: inout PersonRecord
    ) {
        let catalog = LocaleCatalog.of(country)
        let abbreviate = !clean && chance(0.5)
        let type =
            abbreviate ? AddressStandardiser.standardise(home.streetType, country: country).line : home.streetType
        var street: String
        switch country {
        case .us: street = "\(home.number) \(home.streetName) \(type)"
        case .pl: street = "\(type) \(home.streetName) \(home.number)"
        case .id: street = "\(type) \(home.streetName) No. \(home.number)"
        }
        var city = home.city.name
        if ascii {
            street = Self.stripDiacritics(street)
            city = Self.stripDiacritics(city)
        }
        if !clean && chance(0.1) { street = typo(street) }
        if !clean && chance(0.2) { street = street.lowercased() }
        record[.address1] = street
        record[.city] = !clean && chance(0.05) ? typo(city) : city
        let postcode = catalog.formatPostcode(home.postcode)
        record[.postcode] = !clean && chance(0.1) ? postcode.filter { $0 != "-" } : postcode
        if !clean && chance(0.05) { record[.postcode] = typo(postcode, digits: true) }
        record[.state] = home.city.region
    }

    private mutating func countryText(_ country: Country, clean: Bool) -> String {
        guard !clean else { return country.rawValue }
        switch country {
        case .us: return any(["US", "USA", "United States"])
        case .pl: return any(["PL", "Poland", "Polska"])
        case .id: return any(["ID", "Indonesia", "IDN"])
        }
    }

    private mutating func birthDate(_ date: CalendarDate, country: Country, clean: Bool) -> String {
        var date = date
        if !clean, chance(0.03), date.day <= 12,
            let swapped = try? CalendarDate(year: date.year, month: date.day, day: date.month)
        {
            date = swapped
        }
        var text: String
        switch (country, clean ? 0 : Int.random(in: 0..<3, using: &rng)) {
        case (_, 0): text = date.description
        case (.us, _): text = String(format2: date.month) + "/" + String(format2: date.day) + "/\(date.year)"
        default: text = String(format2: date.day) + "." + String(format2: date.month) + ".\(date.year)"
        }
        if !clean && chance(0.04) { text = typo(text, digits: true) }
        return text
    }

    private mutating func phone(_ national: String, country: Country) -> String {
        let code = LocaleCatalog.of(country).phonePlan.callingCode
        let d = Array(national)
        func group(_ sizes: [Int]) -> [String] {
            var parts: [String] = []
            var index = 0
            for size in sizes where index < d.count {
                parts.append(String(d[index..<min(d.count, index + size)]))
                index += size
            }
            if index < d.count { parts[parts.count - 1] += String(d[index...]) }
            return parts
        }
        let style = Int.random(in: 0..<3, using: &rng)
        switch country {
        case .us:
            let p = group([3, 3, 4])
            return [("(\(p[0])) \(p[1])-\(p[2])"), "+1 \(p.joined(separator: " "))", p.joined(separator: "-")][style]
        case .pl:
            let p = group([3, 3, 3])
            return [p.joined(separator: " "), "+48 \(p.joined(separator: " "))", "0048" + national][style]
        case .id:
            let p = group([3, 4, 4])
            return ["0" + p.joined(separator: "-"), "+\(code) \(p.joined(separator: " "))", "0" + national][style]
        }
    }

    /// One keyboard-style error: substitution, deletion, insertion or adjacent transposition.
    private mutating func typo(_ text: String, digits: Bool = false) -> String {
        var characters = Array(text)
        guard characters.count > 2 else { return text }
        let position = Int.random(in: 1..<characters.count, using: &rng)
        let replacement: Character = digits ? any(Array("0123456789")) : any(Array("aeiourstnlkm"))
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: characters[position] = replacement
        case 1: characters.remove(at: position)
        case 2: characters.insert(replacement, at: position)
        default: characters.swapAt(position, position - 1)
        }
        return String(characters)
    }

    /// Removes diacritics the way a keyboard without Polish layout does (ł → l, ż → z).
    static func stripDiacritics(_ text: String) -> String {
        String(
            text.map { character -> Character in
                guard !character.isASCII else { return character }
                let folded = NameFolding.fold(String(character))
                guard let first = folded.first, folded.count == 1 else { return character }
                return character.isUppercase ? Character(first.uppercased()) : first
            })
    }
}

extension String {
    /// A two-digit, zero-padded rendering of `value`.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
