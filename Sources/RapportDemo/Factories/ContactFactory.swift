import RapportCore
import RapportLocales

/// E-mail addresses and phone numbers as people in each country have them.
///
/// Phones are written the national way ("(415) 555-0134", "601 234 567", "0812-3456-7890"),
/// read with ``PhoneNumber/parse(_:country:field:)`` and stored as E.164 with the country's
/// grouping for display. E-mails are built from lower-case ASCII, so they already are what
/// ``EmailAddress/normalize(_:field:)`` returns; debug builds check every one against it
/// (it costs a tenth of the generation time in release, for no change).
struct ContactFactory {
    let catalog: LocaleCatalog

    /// A personal address built from the ASCII forms of the names, common domains first:
    /// `zolc.lukasz@wp.pl`, `agnieszka.wisniewska84@gmail.com`, `budi1987@yahoo.co.id`.
    func email(given: String, family: String?, birthYear: Int, _ random: inout DemoRandom) -> String {
        let g = Transliteration.ascii(given)
        let year = String(birthYear)
        let local: String
        if let family {
            let f = Transliteration.ascii(family)
            switch random.below(8) {
            case 0: local = "\(g).\(f)"
            case 1: local = "\(f).\(g)"
            case 2: local = "\(g)\(f)"
            case 3: local = "\(g)_\(f)"
            case 4: local = "\(g).\(f)\(year.suffix(2))"
            case 5: local = "\(g.prefix(1))\(f)"
            case 6: local = "\(g).\(f)\(random.int(1...999))"
            default: local = "\(f)\(g.prefix(1))\(random.int(1...99))"
            }
        } else {
            local = random.chance(50) ? "\(g)\(year)" : "\(g).\(random.digits(4))"
        }
        let domain = catalog.emailDomains[random.skewedIndex(catalog.emailDomains.count)]
        return Self.normalized("\(local)@\(domain)")
    }

    /// A number as the person wrote it, parsed for their country.
    func phone(city: CityEntry, mobile: Bool, _ random: inout DemoRandom) -> PhoneNumber {
        let written: String
        let plan = catalog.phonePlan
        switch catalog.country {
        case .us:
            written =
                "(\(city.areaCode)) \(random.int(2...9))\(random.int(0...9))\(random.int(2...9))-\(random.digits(4))"
        case .pl:
            if mobile {
                let prefix = random.pick(plan.mobilePrefixes)
                let rest = prefix + random.digits(plan.mobileLength - prefix.count)
                written = "\(rest.prefix(3)) \(rest.dropFirst(3).prefix(3)) \(rest.suffix(3))"
            } else {
                let local = "\(random.int(2...8))\(random.digits(6))"
                written =
                    "(\(city.areaCode)) \(local.prefix(3)) \(local.dropFirst(3).prefix(2)) \(local.suffix(2))"
            }
        case .id:
            if mobile {
                let rest = random.digits(plan.mobileLength - 3)
                written = "0\(random.pick(plan.mobilePrefixes))-\(rest.prefix(4))-\(rest.dropFirst(4))"
            } else {
                let length = city.areaCode.count == 2 ? 8 : 7
                written = "(0\(city.areaCode)) \(random.int(2...8))\(random.digits(length - 1))"
            }
        }
        switch PhoneNumber.parse(written, country: catalog.country.rawValue) {
        case .success(let number): return number
        case .failure(let issue):
            preconditionFailure("demo phone \(written) rejected: \(issue.message)")
        }
    }

    /// An e-mail address of lower-case ASCII letters, digits and `._@`, checked against
    /// ``EmailAddress/normalize(_:field:)`` in debug builds.
    static func normalized(_ text: String) -> String {
        assert(EmailAddress.normalize(text) == .success(text), "demo e-mail \(text) is not normalised")
        return text
    }
}
