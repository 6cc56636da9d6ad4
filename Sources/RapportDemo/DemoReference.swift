import Foundation
import RapportCore
import RapportLocales

/// The records every household refers to — touchpoints, staff, organisations with their
/// contact points and orders — made once from the seed, and the first batch built from them.
struct DemoReference: Sendable {
    let configuration: DemoConfiguration
    let sources: DemoSources
    let staff: StaffRoster
    /// Organisations people of each country may work for.
    let employers: [Country: [OrganisationID]]
    /// The first batch: sources, users, organisations, their contact points and orders.
    let batch: RecordBatch

    /// Identifiers of the reference records start here; households' come after.
    static func identifierStart(_ configuration: DemoConfiguration) -> Date {
        DemoCalendar.instant(day: configuration.historyStartDay - 1_100)
    }

    init(_ configuration: DemoConfiguration) {
        self.configuration = configuration
        var random = DemoRandom(seed: configuration.seed, stream: Stream.reference)
        let ids = IDGenerator.seeded(configuration.seed, start: Self.identifierStart(configuration))
        let createdAt = DemoCalendar.instant(day: configuration.historyStartDay - 1_000)
        sources = DemoSources(ids: ids, createdAt: createdAt)
        staff = StaffRoster(ids: ids, createdAt: createdAt)
        let organisations = OrganisationFactory(sources: sources, configuration: configuration).make(
            ids: ids, &random)
        employers = organisations.employers
        var batch = RecordBatch()
        batch.sources = sources.all
        batch.users = staff.users
        batch.organisations = organisations.organisations
        batch.contactPoints = organisations.contactPoints
        batch.purchases = organisations.purchases
        self.batch = batch
    }

    /// Names of the independent random streams.
    enum Stream {
        static let reference: UInt64 = 1
        static let household: UInt64 = 2
        static let householdIdentifiers: UInt64 = 3
    }
}
