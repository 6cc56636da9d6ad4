import Foundation
import RapportCore
@testable import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Merging and unmerging people (R1.7)")
struct PersonMergeTests {
    /// Two people with a row in every person-referencing table: B shares A's e-mail and
    /// has a value for A's attribute (both duplicates stay with B), the rest of B's rows move.
    func pair(_ f: MergeFixture) async throws -> (a: Person, b: Person, keptPoint: String, keptAttribute: String) {
        let source = try await f.source()
        let (sharedA, sharedB) = (try await f.shared("a"), try await f.shared("b"))
        let a = try await f.person("Anna", "Nowak", birth: nil, country: "PL")
        let b = try await f.person("Ania", "Nowak", birth: "1980-04-02", country: "PL")
        try await f.fill(a, email: "anna@example.pl", tag: "111", source: source, shared: sharedA)
        try await f.fill(b, email: "ania@example.pl", tag: "222", source: source, shared: sharedB)
        let shared = try ContactPointDraft(kind: "email", value: "ANNA@example.pl")
            .validated(id: f.store.ids.make(), personID: b.id, organisationID: nil, defaultCountry: "PL", now: Date())
        try await f.store.contactPoints.insert(shared, by: f.admin)
        try await f.run(
            """
            INSERT INTO attribute_values (person_id, attribute_id, value_text, updated_at)
            VALUES (\(bind: b.id.rawValue), \(bind: sharedA.attribute), 'b own value', \(bind: Timestamp.now()))
            """)
        return (a, b, shared.id.rawValue, sharedA.attribute)
    }

    /// Two people in Poland and a dynamic segment `poles` that selects both.
    func twoInASegment(_ f: MergeFixture) async throws -> (Person, Person) {
        let a = try await f.person("Ewa", "Lis")
        let b = try await f.person("Ewa", "Lis")
        _ = try await f.store.segments.create(
            try SegmentDraft(key: "poles", name: "Poles", purpose: "reporting", kind: "dynamic").validated(),
            rule: try SegmentRuleRejection.parse(#"country = "PL""#), by: f.admin)
        return (a, b)
    }

    // MARK: Tests

    @Test func everyTableReferencingPeopleIsMovedOrExplained() async throws {
        try await withTestStore { store in
            let tables = Set(try await MergeFixture(store: store).peopleReferences().map(\.table))
            #expect(tables.isSuperset(of: ["contact_points", "purchases", "person_keys", "match_reviews", "person_merges"]))
            let handled = Set(MergeTable.all.map(\.name)).union(MergeTable.notMoved.keys)
            #expect(tables.subtracting(handled).isEmpty, "tables a merge forgets: \(tables.subtracting(handled))")
        }
    }

    @Test func mergeMovesEverythingAndUnmergeRestoresBothPeopleExactly() async throws {
        try await withTestStore { store in
            let f = MergeFixture(store: store)
            let (a, b, keptPoint, keptAttribute) = try await pair(f)
            let third = try await f.person("Anna", "Nowakowska")
            let staleReview = try await f.review(b.id, third.id, probability: 0.6)
            let (viewA, viewB) = (try await f.view(a.id), try await f.view(b.id))
            let census = try await f.census([a.id, b.id])
            let stampB = try await store.database.sql.raw("SELECT view_version FROM people WHERE id = \(bind: b.id.rawValue)")
                .first()!.decode(column: "view_version", as: Int64.self)

            let merge = try await store.merges.merge(b.id, into: a.id, by: f.admin)
            #expect(merge.ledger.kept == ["contact_points": [[keptPoint]], "attribute_values": [[keptAttribute]]])
            #expect(merge.ledger.moved["purchases"]?.count == 1 && merge.ledger.moved["raw_records"]?.count == 1)
            #expect(merge.ledger.filledFields == ["birth_date"])
            #expect(merge.ledger.obsoleteReviews == [staleReview.rawValue])
            let merged = try await store.customers.view(of: a.id, by: f.admin)
            #expect(merged.purchases.count == 2 && merged.interactions.count == 2 && merged.memberships.count == 2)
            #expect(merged.contactPoints.count == 4, "A's two, B's phone and B's own e-mail; the shared e-mail stays with B")
            #expect(merged.attributes.count == 2 && merged.person.birthDate?.description == "1980-04-02")
            #expect(merged.value.purchases == 2)
            await #expect(throws: MergedPersonError(personID: b.id, survivorID: a.id)) {
                _ = try await store.customers.view(of: b.id, by: f.admin)
            }
            await #expect(throws: MergedPersonError(personID: b.id, survivorID: a.id)) {
                _ = try await store.people.find(b.id, by: f.admin)
            }
            let listed = try await store.people.list(
                PersonFilter(text: "nowak"), order: ListOrder(column: "search_family", descending: false), cursor: nil, limit: 10,
                by: f.admin)
            #expect(listed.items.map(\.id) == [a.id, third.id])
            let keyOwner = try await store.database.sql.raw("SELECT person_id FROM person_keys WHERE value = 'C-222'").first()!
            #expect(try keyOwner.decode(column: "person_id", as: String.self) == a.id.rawValue)
            let stampAfter = try await store.database.sql.raw("SELECT view_version FROM people WHERE id = \(bind: b.id.rawValue)")
                .first()!.decode(column: "view_version", as: Int64.self)
            #expect(stampAfter > stampB)
            #expect(try await MatchReviews.find(staleReview, on: store.database.sql).status == .obsolete)

            let undone = try await store.merges.unmerge(merge.id, by: f.admin)
            #expect(undone.undoneBy == "test-admin")
            #expect(try await f.view(a.id) == viewA)
            #expect(try await f.view(b.id) == viewB)
            var after = try await f.census([a.id, b.id])
            for key in after.keys where key.hasPrefix("person_merges.") { after[key] = census[key] }
            #expect(after == census, "rows per table and person differ after the unmerge")
            #expect(try await MatchReviews.find(staleReview, on: store.database.sql).status == .open)
            await #expect(throws: DomainError.self) { _ = try await store.merges.unmerge(merge.id, by: f.admin) }
            let trail = try await store.audit.list(entityID: b.id.rawValue).compactMap(\.detail).filter { $0.contains(merge.id.rawValue) }
            #expect(trail.map { $0.prefix(8) } == ["unmerge ", "merge mr"])
        }
    }

    @Test func rowsAddedToTheSurvivorAfterTheMergeStayWithIt() async throws {
        try await withTestStore { store in
            let f = MergeFixture(store: store)
            let (a, b, _, _) = try await pair(f)
            let merge = try await store.merges.merge(b.id, into: a.id, by: f.admin)
            let later = try InteractionDraft(personID: a.id.rawValue, channel: "email", direction: "outbound", outcome: "information")
                .validated(id: store.ids.make(), staff: nil, now: Date())
            try await store.interactions.insert(later, by: f.admin)
            _ = try await store.merges.unmerge(merge.id, by: f.admin)
            let viewA = try await store.customers.view(of: a.id, by: f.admin)
            let viewB = try await store.customers.view(of: b.id, by: f.admin)
            #expect(viewA.interactions.map(\.id).contains(later.id))
            #expect(viewA.interactions.count == 2 && viewB.interactions.count == 1)
            #expect(viewA.person.birthDate == nil, "the filled birth date goes back with B")
        }
    }

    @Test func aRecordWithAnAddressBothHadIsMatchedToTheSurvivor() async throws {
        try await withTestStore { store in
            let f = MergeFixture(store: store)
            let (a, b, _, _) = try await pair(f)
            _ = try await store.merges.merge(b.id, into: a.id, by: f.admin)
            let touchpoint = try #require(try await store.sources.list().first)
            var record = IngestRecord()
            record.givenName = "Anna"
            record.email = "anna@example.pl"
            let result = try await store.ingestion.ingest(
                IngestionRequest(payload: "{}", parsed: .success(record)), from: touchpoint, by: f.admin)
            #expect(result.outcome == .matched && result.personID == a.id, "B's kept copy of the address does not count: \(result)")
        }
    }

    @Test func frozenAndListedMembersLeaveOutMergedPeople() async throws {
        try await withTestStore { store in
            let f = MergeFixture(store: store)
            let (a, b) = try await twoInASegment(f)
            _ = try await store.merges.merge(b.id, into: a.id, by: f.admin)
            let frozen = try await store.segments.freeze("poles", as: "poles-now", name: "Poles now", by: f.admin)
            #expect(try await store.segments.size(of: frozen.key, by: f.admin) == 1)
            let members = try await store.segments.members(of: "poles", cursor: nil, limit: 10, by: f.admin)
            #expect(members.items.map(\.id) == [a.id])
        }
    }

    @Test func refusalsNameTheField() async throws {
        try await withTestStore { store in
            let f = MergeFixture(store: store)
            let a = try await f.person("Jan", "Kowalski")
            let b = try await f.person("Janek", "Kowalski")
            let c = try await f.person("Jan", "Kowal")
            await #expect(throws: DomainError.invalid([.invalid("absorb", "A person cannot be merged with themselves (\(a.id)).")])) {
                _ = try await store.merges.merge(a.id, into: a.id, by: f.admin)
            }
            let unknown: PersonID = store.ids.make()
            do {
                _ = try await store.merges.merge(unknown, into: a.id, by: f.admin)
                Issue.record("an unknown person was merged")
            } catch DomainError.invalid(let issues) {
                #expect(issues.map(\.field) == ["absorb"])
            }
            let first = try await store.merges.merge(b.id, into: a.id, by: f.admin)
            do {
                _ = try await store.merges.merge(b.id, into: c.id, by: f.admin)
                Issue.record("a merged person was merged again")
            } catch DomainError.conflict(let field, _) {
                #expect(field == "absorb")
            }
            // The survivor merged on: undoing the first merge must wait for the later one.
            let second = try await store.merges.merge(a.id, into: c.id, by: f.admin)
            do {
                _ = try await store.merges.unmerge(first.id, by: f.admin)
                Issue.record("an unmerge ran under a later merge")
            } catch DomainError.conflict(let field, let message) {
                #expect(field == "survivor" && message.contains(second.id.rawValue))
            }
            await #expect(throws: MergedPersonError(personID: b.id, survivorID: c.id)) {
                _ = try await store.people.find(b.id, by: f.admin)
            }
            _ = try await store.merges.unmerge(second.id, by: f.admin)
            _ = try await store.merges.unmerge(first.id, by: f.admin)
            #expect(try await store.people.find(b.id, by: f.admin).status == .active)
            #expect(try await store.merges.history(of: a.id, by: f.admin).map(\.id) == [second.id, first.id])
        }
    }

    @Test func mergedPeopleLeaveSegmentsAndTakeNoWrites() async throws {
        try await withTestStore { store in
            let f = MergeFixture(store: store)
            let (a, b) = try await twoInASegment(f)
            #expect(try await store.segments.size(of: "poles", by: f.admin) == 2)
            _ = try await store.merges.merge(b.id, into: a.id, by: f.admin)
            #expect(try await store.segments.size(of: "poles", by: f.admin) == 1)
            let purchase = try PurchaseDraft(personID: b.id.rawValue, currency: "PLN", lines: [.init(product: "Pan", amount: 9, margin: 1)])
                .validated(id: store.ids.make(), now: Date())
            await #expect(throws: MergedPersonError(personID: b.id, survivorID: a.id)) {
                try await store.purchases.insert(purchase, by: f.admin)
            }
            let organisation = try OrganisationDraft(name: "Zelmer S.A.", kind: "customer").validated(id: store.ids.make(), now: Date())
            try await store.organisations.insert(organisation, by: f.admin)
            await #expect(throws: MergedPersonError(personID: b.id, survivorID: a.id)) {
                try await store.organisations.addMember(
                    Membership(personID: b.id, organisationID: organisation.id, role: "buyer"), by: f.admin)
            }
            let merged = try await store.people.list(
                PersonFilter(status: .merged), order: ListOrder(column: "created_at", descending: false), cursor: nil, limit: 10,
                by: f.admin)
            #expect(merged.items.map(\.id) == [b.id])
        }
    }
}
