import Foundation
import RapportCore
import RapportLocales

/// One household at a time: 1–5 adults sharing a surname and an address, each with their
/// contact points, memberships, purchases and interactions.
///
/// Household `k` draws from its own random stream and its own identifier generator (whose
/// time part starts at a fixed offset for `k`), so it comes out the same whatever batch it
/// lands in, and households can be made in any order or in parallel.
struct HouseholdFactory: Sendable {
    let reference: DemoReference
    private let kits: [Country: CountryKit]

    /// Room in the identifiers' time part for each household: far more than it can use
    /// (5 people × (1 + 5 contact points + 1 raw record + 36 purchases and returns + 40
    /// interactions) + 1).
    static let millisecondsPerHousehold: UInt64 = 1_000

    init(reference: DemoReference) {
        self.reference = reference
        kits = Dictionary(
            uniqueKeysWithValues: Country.allCases.map { ($0, CountryKit($0, reference)) })
    }

    /// The household's size before it is cut to fit the requested number of people.
    func plannedSize(_ index: Int) -> Int {
        var random = random(index)
        return Self.size(&random)
    }

    /// Appends household `index` with at most `limit` people to `batch`; returns how many
    /// people it has.
    func make(_ index: Int, limit: Int, into batch: inout RecordBatch) -> Int {
        var random = random(index)
        let size = min(limit, Self.size(&random))
        let country = OrganisationFactory.country(&random)
        let kit = kits[country]!
        let ids = IDGenerator.seeded(
            DemoRandom.derivedSeed(
                reference.configuration.seed, stream: DemoReference.Stream.householdIdentifiers,
                index: UInt64(index)),
            start: Self.identifierStart(index, reference.configuration))
        let referenceDay = reference.configuration.referenceDay
        let city = kit.addresses.city(&random)
        let home = kit.addresses.residence(in: city, &random)
        let move: Move? =
            random.chance(15) ? Move(kit: kit, to: city, referenceDay: referenceDay, &random) : nil
        let singleNamed = random.chance(kit.catalog.singleNameShare * 100)
        let surname = kit.persons.surname(&random)
        let members = Member.household(
            size: size, surname: singleNamed ? nil : surname, kit: kit, &random)
        var householdID: HouseholdID?
        if size > 1 || random.chance(50) {
            let head = members[0]
            let household = Household(
                id: ids.make(), name: "\(head.family ?? head.given), \(city.name)",
                createdAt: DemoCalendar.instant(day: referenceDay - random.int(400...2_400)))
            householdID = household.id
            batch.households.append(household)
        }
        for member in members {
            PersonRecords(
                member: member, country: country, householdID: householdID, city: city, home: home,
                move: move, kit: kit,
                reference: reference, ids: ids
            ).append(to: &batch, &random)
        }
        return size
    }

    private func random(_ index: Int) -> DemoRandom {
        DemoRandom(
            seed: reference.configuration.seed, stream: DemoReference.Stream.household,
            index: UInt64(index))
    }

    /// 35 % live alone, 30 % in twos, then threes, fours and fives.
    private static let sizes = Weighted([(1, 35), (2, 30), (3, 15), (4, 13), (5, 7)])

    private static func size(_ random: inout DemoRandom) -> Int {
        sizes.draw(&random)
    }

    private static func identifierStart(_ index: Int, _ configuration: DemoConfiguration) -> Date {
        let base =
            UInt64(DemoReference.identifierStart(configuration).timeIntervalSince1970 * 1_000)
            + 100_000_000
        let milliseconds = base + UInt64(index) * millisecondsPerHousehold
        return Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000)
    }
}

/// The country-specific factories, made once per data set.
struct CountryKit: Sendable {
    let catalog: LocaleCatalog
    let persons: PersonFactory
    let contacts: ContactFactory
    let addresses: AddressFactory
    let purchases: PurchaseHistory
    let interactions: InteractionHistory

    init(_ country: Country, _ reference: DemoReference) {
        let configuration = reference.configuration
        catalog = .of(country)
        persons = PersonFactory(catalog: catalog, referenceDay: configuration.referenceDay)
        contacts = ContactFactory(catalog: catalog)
        addresses = AddressFactory.byCountry[country]!
        purchases = PurchaseHistory(
            country: country, sources: reference.sources, referenceDay: configuration.referenceDay,
            historyStartDay: configuration.historyStartDay)
        interactions = InteractionHistory(
            sources: reference.sources, team: reference.staff.teams[country]!,
            partnerAgent: reference.staff.partnerAgent,
            referenceDay: configuration.referenceDay, historyStartDay: configuration.historyStartDay)
    }
}

/// A household's earlier address, left on the day it moved to the current one.
struct Move {
    let previous: Residence
    /// When the household moved into the earlier address.
    let previousSince: Int
    let day: Int

    init(kit: CountryKit, to city: CityEntry, referenceDay: Int, _ random: inout DemoRandom) {
        let from = random.chance(60) ? city : kit.addresses.city(&random)
        previous = kit.addresses.residence(in: from, &random)
        day = referenceDay - random.int(20...1_400)
        previousSince = day - random.int(300...4_000)
    }
}
