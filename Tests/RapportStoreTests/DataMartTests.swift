import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Data marts (R1.10): a rule in the segment language selects the profiles, suppressed
/// people never leave, the export is CSV per part in keyset pages, and each exported
/// person is audited.
@Suite("Data marts: named extracts exported as CSV")
struct DataMartTests {
    let admin = TestActors.admin

    func mart(
        _ store: Store, _ key: String, _ rules: String, includes: [String] = []
    ) async throws -> DataMart {
        let draft = DataMartDraft(key: key, name: key.capitalized, rules: rules, includes: includes)
        return try await store.dataMarts.create(try draft.validated(), by: admin)
    }

    func csv(_ store: Store, _ key: String, _ part: DataMartPart, by actor: Actor? = nil) async throws -> [[String?]] {
        let plan = try await store.dataMarts.plan(key, part: part, by: actor ?? admin)
        var lines: [[String?]] = []
        try await store.dataMarts.export(plan, by: actor ?? admin) { lines += $0 }
        return lines
    }

    // MARK: Tests

    @Test func anExportHoldsTheMatchingProfilesAndTheirHistoryButNeverSuppressedPeople() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let ada = try await f.person("Ada")
            let bob = try await f.person("Bob")
            let carl = try await f.person("Carl")
            _ = try await f.person("Dora", country: "DE")
            try await f.purchase(ada, 120, product: "Kettle, large")
            try await f.purchase(bob, 80)
            try await f.purchase(carl, 300)
            _ = try await mart(store, "pl-buyers", #"country = "PL" and spend >= 100"#, includes: ["purchases"])
            _ = try await store.suppressions.suppress(carl.id, .init(reason: .deceased), by: admin)

            #expect(try await store.dataMarts.count(rules: #"country = "PL" and spend >= 100"#, by: admin) == 1)
            let profiles = try await csv(store, "pl-buyers", .profiles)
            #expect(profiles.first?.first == "person_id")
            #expect(profiles.dropFirst().map { $0[0] } == [ada.id.rawValue])
            #expect(profiles[1][1] == "Ada")
            let purchases = try await csv(store, "pl-buyers", .purchases)
            #expect(purchases.count == 2)
            #expect(purchases[1][0] == ada.id.rawValue && purchases[1][6] == "120.00")

            let line = CSVLine.encode(["a", "Kettle, \"large\"", nil])
            #expect(line == "a,\"Kettle, \"\"large\"\"\",\r\n")

            let exported = try await store.audit.list(entityID: ada.id.rawValue).filter { $0.action == .export }
            #expect(exported.map(\.detail) == ["data mart pl-buyers: purchases", "data mart pl-buyers: profiles"])
            #expect(try await store.audit.list(entityID: carl.id.rawValue).allSatisfy { $0.action != .export })
        }
    }

    @Test func pagesFollowEachOtherInPersonIDOrder() async throws {
        let test = try await TestStore.make()
        do {
            try await test.loadDemo(people: 1200)
            let store = test.store
            _ = try await mart(store, "everyone", #"country != "XX""#)
            let rows = try await csv(store, "everyone", .profiles).dropFirst().map { $0[0] ?? "" }
            #expect(rows.count > 500, "more than one page")
            #expect(rows == rows.sorted() && Set(rows).count == rows.count)
            let stopped = try await store.database.sql.raw(
                "SELECT id FROM people WHERE status <> 'active'").all().map { try $0.decode(column: "id", as: String.self) }
            #expect(!stopped.isEmpty && Set(stopped).isDisjoint(with: rows), "suppressed statuses never leave")
            await test.close()
        } catch {
            await test.close()
            throw error
        }
    }

    @Test func errorsNameTheFieldAndTheRulePlace() async throws {
        try await withTestStore { store in
            let unknown = await OfferFixtures.issues {
                _ = try DataMartDraft(key: "m", name: "M", rules: "spend > 1", includes: ["purchases", "pets"]).validated()
            }
            #expect(unknown.map(\.field) == ["includes[1]"])
            do {
                _ = try await mart(store, "bad", "spnd > 100")
                Issue.record("a bad rule was accepted")
            } catch let rejection as SegmentRuleRejection {
                #expect(rejection.field == "rules")
                #expect(rejection.errors.first?.position?.line == 1 && rejection.errors.first?.position?.column == 1)
            }
            _ = try await mart(store, "ok", "spend > 100")
            await #expect(
                throws: DomainError.conflict(
                    field: "key", message: "A data mart with key 'ok' already exists; choose another key.")
            ) { _ = try await mart(store, "ok", "spend > 1") }
            let part = await OfferFixtures.issues { _ = try await store.dataMarts.plan("ok", part: .purchases, by: admin) }
            #expect(part.map(\.field) == ["part"])
            await #expect(throws: DomainError.notFound(entity: "data mart", id: "nope")) {
                _ = try await store.dataMarts.plan("nope", part: .profiles, by: admin)
            }
        }
    }

    @Test func martsAreChangedAndDeletedWithAuditEntries() async throws {
        try await withTestStore { store in
            let created = try await mart(store, "m", "spend > 100")
            let fields = try DataMartDraft(name: "Renamed", rules: "spend > 5", includes: ["interactions", "attributes"])
                .validated(requireKey: false)
            let updated = try await store.dataMarts.update("m", with: fields, by: admin)
            #expect(updated.parts == [.profiles, .interactions, .attributes])
            let found = try await store.dataMarts.find("m")
            #expect(found.name == "Renamed" && found.rules == "spend > 5" && found.includes == updated.includes)
            #expect(found.updatedBy == admin.name && found.createdAt <= found.updatedAt)
            try await store.dataMarts.delete("m", by: admin)
            #expect(try await store.dataMarts.list().isEmpty)
            let actions = try await store.audit.list(entityID: created.id.rawValue).map(\.action)
            #expect(actions == [.delete, .update, .create])
        }
    }
}
