import Foundation
import RapportCore
import RapportLocales

/// Names, genders and birth dates as each country has them: Polish women carry the feminine
/// form of adjectival surnames (Wiśniewski → Wiśniewska), many Indonesians have one name.
struct PersonFactory {
    let catalog: LocaleCatalog
    let referenceDay: Int

    /// A given name for the gender; `other` draws from either list.
    func givenName(_ gender: Gender, _ random: inout DemoRandom) -> String {
        let female = gender == .female || (gender == .other && random.chance(50))
        let names = female ? catalog.femaleGivenNames : catalog.maleGivenNames
        return names[random.skewedIndex(names.count)]
    }

    /// A base (masculine) surname, common ones more often.
    func surname(_ random: inout DemoRandom) -> String {
        Self.surname(in: catalog, &random)
    }

    /// A base surname of `catalog`'s country, also for naming companies after families.
    static func surname(in catalog: LocaleCatalog, _ random: inout DemoRandom) -> String {
        catalog.surnames[random.skewedIndex(catalog.surnames.count)]
    }

    /// The surname as a person of `gender` carries it.
    func surname(_ base: String, for gender: Gender) -> String {
        catalog.surname(base, female: gender == .female)
    }

    /// Female or male, with a small share of `other` in the US.
    func gender(_ random: inout DemoRandom) -> Gender {
        if catalog.country == .us && random.chance(0.5) { return .other }
        return random.chance(51) ? .female : .male
    }

    private static let headAges = Weighted([(18...24, 8), (25...39, 30), (40...54, 28), (55...69, 22), (70...90, 12)])

    /// An adult age for the first person of a household: 18–90, most between 25 and 70.
    func headAge(_ random: inout DemoRandom) -> Int {
        Self.headAges.draw(&random)
            .randomElement(&random)
    }

    /// A birth date for someone `age` years old on the reference day.
    func birthDate(age: Int, _ random: inout DemoRandom) -> LocalDate {
        DemoCalendar.date(referenceDay - age * 365 - age / 4 - random.int(1...364))
    }

    /// The preferred language of people living in the country.
    var language: String {
        switch catalog.country {
        case .us: "en"
        case .pl: "pl"
        case .id: "id"
        }
    }
}

extension ClosedRange<Int> {
    /// A uniformly drawn member, through the demo's own generator.
    fileprivate func randomElement(_ random: inout DemoRandom) -> Int { random.int(self) }
}
