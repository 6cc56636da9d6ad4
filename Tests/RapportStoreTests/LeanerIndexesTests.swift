@testable import RapportStore
import RapportTestSupport
import Testing

/// Migration 017's partial indexes still serve the queries that ask for one organisation or
/// owner (SQLite's planner; PostgreSQL's chooses by table statistics, so it is not asked).
@Suite("Partial indexes serve their queries")
struct LeanerIndexesTests {
    @Test(arguments: [
        ("SELECT id FROM purchases WHERE organisation_id = 'org_x' ORDER BY occurred_at DESC", "purchases_organisation"),
        ("SELECT id FROM interactions WHERE organisation_id = 'org_x'", "interactions_organisation"),
        ("SELECT * FROM contact_points WHERE organisation_id = 'org_x' ORDER BY kind, id", "contact_points_organisation"),
        ("SELECT id FROM people WHERE owner_user_id = 'usr_x' AND merged_into_id IS NULL", "people_owner"),
    ])
    func theQueryUsesThePartialIndex(sql: String, index: String) async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withTestStore { store in
            let plan = try await store.database.read("EXPLAIN QUERY PLAN \(sql)", []).map {
                try $0.decode(column: "detail", as: String.self)
            }
            #expect(plan.contains { $0.contains("USING INDEX \(index)") }, "\(plan)")
        }
    }

    /// The dropped `audit_at` is gone, and the partial indexes hold only rows that have a value.
    @Test func theMigrationLeavesOnlyTheLeanerIndexes() async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withTestStore { store in
            let indexes = try await store.database.read(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL", []
            ).map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "sql", as: String.self)) }
            let byName = Dictionary(uniqueKeysWithValues: indexes)
            #expect(byName["audit_at"] == nil)
            #expect(byName["audit_entity"] != nil)
            for name in ["people_owner", "contact_points_organisation", "interactions_organisation", "purchases_organisation"] {
                #expect(byName[name]?.contains("IS NOT NULL") == true, "\(name)")
            }
        }
    }
}
