import Foundation
import Logging
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Migrations, bulk loading and the customer 360 (R1.11, R10.6)")
struct MigrationAndDemoTests {
    @Test func migrationsAreRecordedAndIdempotent() async throws {
        try await withTestStore { store in
            let migrator = Migrator(database: store.database, logger: Logger(label: "test"))
            let newest = Migration.all.map(\.version).max()
            let current = try await migrator.currentVersion()
            #expect(current == newest)
            let appliedAgain = try await migrator.migrate()
            #expect(appliedAgain.isEmpty)
        }
    }

    @Test func aLowerNumberedMigrationArrivingLaterIsStillApplied() async throws {
        try await withTestStore { store in
            // Branches number migrations in parallel: 005 may be merged after 006 was applied.
            // Numbers above every real migration stand in for them: 999 arrives after 1000.
            let high = Migration(version: 1_000, name: "high") { _ in ["CREATE TABLE high_arrival (id TEXT PRIMARY KEY)"] }
            let late = Migration(version: 999, name: "late") { _ in ["CREATE TABLE late_arrival (id TEXT PRIMARY KEY)"] }
            let before = Migrator(database: store.database, migrations: Migration.all + [high], logger: Logger(label: "test"))
            #expect(try await before.migrate() == [1_000])
            let migrator = Migrator(database: store.database, migrations: Migration.all + [late, high], logger: Logger(label: "test"))
            #expect(try await migrator.migrate() == [999])
            #expect(try await migrator.migrate() == [])
            try await store.database.sql.raw("SELECT id FROM late_arrival").run()
        }
    }

    @Test func demoDataLoadsAndTheCustomerViewAddsUp() async throws {
        try await withDemoStore(people: 150) { store in
            let overview = try await Overview.read(from: store.database)
            #expect(overview.people >= 150)
            #expect(overview.households > 0)
            #expect(overview.organisations > 0)
            #expect(overview.interactions > 0)
            let buyers = try await store.database.sql.raw(
                "SELECT person_id FROM purchases WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY COUNT(*) DESC LIMIT 1"
            ).first()
            let id = PersonID(rawValue: try #require(try buyers?.decode(column: "person_id", as: String.self)))
            let view = try await store.customers.view(of: id, by: TestActors.admin)
            #expect(!view.purchases.isEmpty)
            #expect(!view.contactPoints.isEmpty)
            let purchaseSum = view.purchases.filter { $0.kind == .purchase }.reduce(Int64(0)) { $0 + $1.total.minorUnits }
            let returnSum = view.purchases.filter { $0.kind == .return }.reduce(Int64(0)) { $0 + $1.total.minorUnits }
            if view.value.purchases + view.value.returns <= CustomerViewReader.recentLimit {
                #expect(view.value.revenue.first?.minorUnits == purchaseSum - returnSum)
            }
            for purchase in view.purchases {
                #expect(purchase.total.minorUnits == purchase.lines.reduce(0) { $0 + $1.amount.minorUnits })
            }
            let trail = try await store.audit.list(entityID: id.rawValue)
            #expect(trail.first?.detail == "customer 360")
        }
    }
}
