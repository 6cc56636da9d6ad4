import Foundation
import RapportCore
import RapportIntegration
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Survivorship applied to the stored golden profiles (R1.3)")
struct SurvivorshipStoreTests {
    let admin = TestActors.admin

    /// Two touchpoints that disagree about Anna: the web shop (trust 1) and the call centre (trust 3).
    struct Sources {
        let web: Touchpoint
        let calls: Touchpoint
        let shop: Touchpoint
    }

    func register(_ store: Store) async throws -> Sources {
        func touchpoint(_ name: String, _ kind: TouchpointKind, _ rank: Int) async throws -> Touchpoint {
            let touchpoint = Touchpoint(id: store.ids.make(), name: name, kind: kind, trustRank: rank, createdAt: Date())
            try await store.sources.register(touchpoint, by: admin)
            return touchpoint
        }
        return Sources(
            web: try await touchpoint("Web shop", .web, 1), calls: try await touchpoint("Call centre", .callCentre, 3),
            shop: try await touchpoint("Shop", .pointOfSale, 2))
    }

    /// Ingests `record` as JSON (only the fields set are sent); a pause keeps arrival times apart.
    @discardableResult
    func send(_ record: IngestRecord, from touchpoint: Touchpoint, into store: Store) async throws -> IngestionResult {
        try await Task.sleep(for: .milliseconds(5))
        let payload = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        return try await store.ingestion.ingest(
            IngestionRequest(payload: payload, parsed: .success(record)), from: touchpoint, by: admin)
    }

    func anna(_ given: String?, _ family: String? = "Nowak") -> IngestRecord {
        IngestRecord(givenName: given, familyName: family, email: "anna.nowak@example.pl", country: "PL")
    }

    func golden(_ store: Store, _ person: PersonID, _ attribute: String) async throws -> StoredGoldenValue? {
        try await store.survivorship.golden(of: person, by: admin).first { $0.attribute == attribute }
    }

    func setting(_ rule: SurvivorshipRule, ignoresEmpty: Bool = true) -> AttributeSurvivorship {
        AttributeSurvivorship(rule: rule, ignoresEmptyValues: ignoresEmpty)
    }

    /// The issues a policy document gets, as "field: code".
    func issues(_ json: String, _ store: Store) -> [String] {
        do {
            _ = try store.survivorship.parse(Data(json.utf8))
            return []
        } catch {
            guard case .invalid(let issues) = error else { return ["\(error)"] }
            return issues.map { "\($0.field): \($0.code)" }
        }
    }

    // MARK: Tests

    @Test func conflictingNamesFollowTheTrustedSourceThenTheNewRuleAfterARecompute() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let first = try await send(anna("Anna"), from: sources.web, into: store)
            let second = try await send(anna("Ania", "Nowakowska"), from: sources.calls, into: store)
            #expect(second.outcome == .matched)
            let id = try #require(first.personID)
            var person = try await store.people.find(id, by: admin)
            #expect(person.displayName == "Anna Nowak")
            let given = try #require(try await golden(store, id, "givenName"))
            #expect(given.value == "Anna")
            #expect(given.sourceName == "Web shop")
            #expect(given.rawRecordID == first.rawRecordID)
            #expect(given.rule == .trustedSource)
            #expect(given.reason == "Web shop (trust 1) outranks Call centre (trust 3).")
            #expect(given.candidates.map(\.value) == ["Anna", "Ania"])

            let cacheBefore = try await store.customers.document(of: id, by: admin) { _ in Array("before".utf8) }
            let summary = try await store.survivorship.set(setting(.mostRecent), for: "familyName", by: admin)
            #expect(summary == RecomputeSummary(profiles: 1, changed: 1))
            person = try await store.people.find(id, by: admin)
            #expect(person.displayName == "Anna Nowakowska")
            let stored = try await store.database.sql.raw(
                "SELECT search_name, search_family FROM people WHERE id = \(bind: id.rawValue)"
            ).first()
            #expect(try stored?.decode(column: "search_family", as: String.self) == "nowakowska")
            #expect(try stored?.decode(column: "search_name", as: String.self) == "anna nowakowska")
            let family = try #require(try await golden(store, id, "familyName"))
            #expect(family.sourceName == "Call centre")
            #expect(family.rule == .mostRecent)
            #expect(family.reason.hasPrefix("Call centre's value is the most recent"))
            // The view stamp moved, so the cached 360 is not served again.
            let cacheAfter = try await store.customers.document(of: id, by: admin) { _ in Array("after".utf8) }
            #expect(String(decoding: cacheBefore, as: UTF8.self) == "before")
            #expect(String(decoding: cacheAfter, as: UTF8.self) == "after")
            let view = try await store.customers.view(of: id, by: admin)
            #expect(view.golden.first { $0.attribute == "familyName" }?.value == "Nowakowska")
            // Nothing changes on a second recompute.
            #expect(try await store.survivorship.recompute(by: admin) == RecomputeSummary(profiles: 1, changed: 0))
            let trail = try await store.audit.list(entityID: "policy")
            #expect(trail.first?.detail == "changed: familyName")
        }
    }

    @Test func majorityLetsTwoAgreeingSourcesOutvoteTheMostTrustedOne() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let id = try #require(try await send(anna("Anna"), from: sources.web, into: store).personID)
            try await send(anna("Ania"), from: sources.calls, into: store)
            try await send(anna("ANIA"), from: sources.shop, into: store)
            #expect(try await store.people.find(id, by: admin).givenName == "Anna")
            _ = try await store.survivorship.set(setting(.majority), for: "givenName", by: admin)
            let given = try #require(try await golden(store, id, "givenName"))
            // Folded comparison: "Ania" and "ANIA" agree; the shown form is the more trusted source's.
            #expect(given.value == "ANIA")
            #expect(given.sourceName == "Shop")
            #expect(given.reason == "2 of 3 sources agree (Shop, Call centre).")
            #expect(try await store.people.find(id, by: admin).givenName == "ANIA")
        }
    }

    @Test func emptyValuesAreIgnoredOrCompeteAsTheSettingSays() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let id = try #require(try await send(anna("Anna"), from: sources.web, into: store).personID)
            try await send(anna(""), from: sources.calls, into: store)
            _ = try await store.survivorship.set(setting(.mostRecent), for: "givenName", by: admin)
            var given = try #require(try await golden(store, id, "givenName"))
            #expect(given.value == "Anna")
            #expect(given.excluded.map(\.reason) == [.empty])
            #expect(try await store.people.find(id, by: admin).givenName == "Anna")

            let summary = try await store.survivorship.set(setting(.mostRecent, ignoresEmpty: false), for: "givenName", by: admin)
            #expect(summary.changed == 1)
            given = try #require(try await golden(store, id, "givenName"))
            #expect(given.value == nil)
            #expect(given.sourceName == "Call centre")
            let person = try await store.people.find(id, by: admin)
            #expect(person.givenName == nil)
            #expect(person.displayName == "Nowak")
        }
    }

    @Test func aStaffEditWinsUnderTrustedSourceAndIsAudited() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let id = try #require(try await send(anna("Anna"), from: sources.web, into: store).personID)
            var patch = PersonPatch()
            patch.givenName = .set("Anne")
            let edited = try await store.people.update(id, with: patch, by: admin)
            #expect(edited.givenName == "Anne")
            // A later record from the most trusted touchpoint does not undo the correction.
            try await send(anna("Anna"), from: sources.web, into: store)
            #expect(try await store.people.find(id, by: admin).givenName == "Anne")
            let given = try #require(try await golden(store, id, "givenName"))
            #expect(given.sourceName == "Staff")
            #expect(given.trustRank == 0)
            #expect(given.rawRecordID == nil)
            #expect(given.reason == "Staff (trust 0) outranks Web shop (trust 1).")
            // Under most recent the touchpoint's newer record wins, and the change is audited.
            _ = try await store.survivorship.set(setting(.mostRecent), for: "givenName", by: admin)
            #expect(try await store.people.find(id, by: admin).givenName == "Anna")
            let trail = try await store.audit.list(entityID: id.rawValue)
            #expect(trail.contains { $0.detail == "survivorship (recompute): givenName" })
        }
    }

    @Test func underMajorityTwoAgreeingSourcesOutvoteAStaffEditAndThePatchAnswersWithTheResult() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let id = try #require(try await send(anna("Ania"), from: sources.web, into: store).personID)
            try await send(anna("Ania"), from: sources.calls, into: store)
            _ = try await store.survivorship.set(setting(.majority), for: "givenName", by: admin)
            var patch = PersonPatch()
            patch.givenName = .set("Anna")
            let answered = try await store.people.update(id, with: patch, by: admin)
            #expect(answered.givenName == "Ania")
            #expect(try await store.people.find(id, by: admin).givenName == "Ania")
            let given = try #require(try await golden(store, id, "givenName"))
            #expect(given.reason == "2 of 3 sources agree (Web shop, Call centre).")
            #expect(given.candidates.map(\.source.name) == ["Web shop", "Call centre", "Staff"])
        }
    }

    @Test func thePrimaryEmailFollowsTheRule() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            var record = anna("Anna")
            record.loyaltyCard = "PL-1234"
            let id = try #require(try await send(record, from: sources.web, into: store).personID)
            record.email = "anna@work.example.com"
            try await send(record, from: sources.calls, into: store)
            func primary() async throws -> [String] {
                try await store.contactPoints.forPerson(id).filter { $0.kind == .email && $0.isPrimary }.map(\.value)
            }
            #expect(try await primary() == ["anna.nowak@example.pl"])
            _ = try await store.survivorship.set(setting(.mostRecent), for: "email", by: admin)
            #expect(try await primary() == ["anna@work.example.com"])
            #expect(try await golden(store, id, "email")?.sourceName == "Call centre")
        }
    }

    @Test func aMergeRecomputesTheSurvivorOverBothPeoplesSourcesAndAnUnmergeGivesEachTheirOwnBack() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let kept = try #require(try await send(anna("Anna"), from: sources.calls, into: store).personID)
            var other = IngestRecord(givenName: "Joanna", familyName: "Kowalska", email: "jk@example.pl", country: "PL")
            other.birthDate = "1984-03-09"
            let absorbed = try #require(try await send(other, from: sources.web, into: store).personID)
            #expect(kept != absorbed)
            func state(_ id: PersonID) async throws -> [String] {
                let person = try await store.people.find(id, by: admin)
                let primary = try await store.contactPoints.forPerson(id).filter { $0.kind == .email && $0.isPrimary }
                let family = try await golden(store, id, "familyName")
                return [person.displayName, person.birthDate?.description ?? "-", primary.map(\.value).joined(),
                    family?.sourceName ?? "-"]
            }
            #expect(try await state(kept) == ["Anna Nowak", "-", "anna.nowak@example.pl", "-"], "one record: nothing to weigh")

            let merge = try await store.merges.merge(absorbed, into: kept, by: admin)
            // The web shop (trust 1) outranks the call centre (trust 3) for every attribute it sent.
            #expect(try await state(kept) == ["Joanna Kowalska", "1984-03-09", "jk@example.pl", "Web shop"])
            let trail = try await store.audit.list(entityID: kept.rawValue).compactMap(\.detail)
            #expect(trail.contains { $0.hasPrefix("survivorship (merge \(merge.id))") }, "\(trail)")

            _ = try await store.merges.unmerge(merge.id, by: admin)
            #expect(try await state(kept) == ["Anna Nowak", "-", "anna.nowak@example.pl", "Call centre"])
            #expect(try await state(absorbed) == ["Joanna Kowalska", "1984-03-09", "jk@example.pl", "Web shop"])
        }
    }

    @Test func aMergeKeepsTheSurvivorsStaffEntriesAboveTheAbsorbedPersonsSources() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let survivor = try PersonDraft(givenName: "Anna", familyName: "Nowak", country: "PL")
                .validated(id: store.ids.make(), now: Date())
            try await store.people.insert(survivor, by: admin)
            let absorbed = try #require(
                try await send(IngestRecord(givenName: "Joanna", familyName: "Kowalska", country: "PL"),
                    from: sources.web, into: store).personID)
            _ = try await store.merges.merge(absorbed, into: survivor.id, by: admin)
            let person = try await store.people.find(survivor.id, by: admin)
            #expect(person.displayName == "Anna Nowak", "staff outrank every touchpoint")
            #expect(try await golden(store, survivor.id, "givenName")?.sourceName == "Staff")
        }
    }

    @Test func badPoliciesAreRefusedNamingTheAttribute() async throws {
        try await withTestStore { store in
            func issues(_ json: String) -> [String] { self.issues(json, store) }
            #expect(issues(#"{"attributes":{"email":{"rule":"newest"}}}"#) == ["attributes.email.rule: invalid"])
            #expect(issues(#"{"attributes":{"shoeSize":{"rule":"majority"}}}"#) == ["attributes.shoeSize: unknown_attribute"])
            #expect(issues(#"{"default":{"ignoresEmptyValues":true}}"#) == ["default.rule: invalid"])
            #expect(issues(#"{"attributes":{"email":{"rule":"majority"}}}"#) == [])
            await #expect(throws: DomainError.self) {
                _ = try await store.survivorship.set(setting(.majority), for: "shoeSize", by: admin)
            }
            let stored = try await store.survivorship.policy()
            #expect(stored == .standard)
        }
    }

    @Test func peopleFromBulkLoadsKeepTheirProfileWhenARecordMatchesThem() async throws {
        try await withDemoStore(people: 30) { store in
            let row = try #require(
                try await store.database.sql.raw(
                    """
                    SELECT p.id, c.value FROM people p JOIN contact_points c ON c.person_id = p.id
                    WHERE c.kind = 'email' AND c.valid_to IS NULL AND p.given_name IS NOT NULL ORDER BY p.id LIMIT 1
                    """
                ).first())
            let id = PersonID(rawValue: try row.decode(column: "id", as: String.self))
            let before = try await store.people.find(id, by: admin)
            let sources = try await register(store)
            let email = try row.decode(column: "value", as: String.self)
            try await send(IngestRecord(givenName: "Someone", familyName: "Else", email: email), from: sources.web, into: store)
            let after = try await store.people.find(id, by: admin)
            #expect(after.displayName == before.displayName)
            #expect(try await golden(store, id, "givenName")?.sourceName == "Staff")
            let people = try await store.database.sql.raw("SELECT COUNT(*) AS n FROM people").first()!
                .decode(column: "n", as: Int.self)
            let summary = try await store.survivorship.recompute(by: admin)
            #expect(summary.profiles == people)
            #expect(try await store.people.find(id, by: admin).displayName == before.displayName)
        }
    }

    @Test func aNewWinnerWithTheSameValueMovesTheViewStampToo() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let id = try #require(try await send(anna("Anna"), from: sources.web, into: store).personID)
            try await send(anna("Anna"), from: sources.calls, into: store)
            func stamp() async throws -> Int64 {
                try await store.database.sql.raw("SELECT view_version FROM people WHERE id = \(bind: id.rawValue)").first()!
                    .decode(column: "view_version", as: Int64.self)
            }
            let before = try await stamp()
            let summary = try await store.survivorship.set(setting(.mostRecent), for: "familyName", by: admin)
            // The profile is the same; only where its family name comes from moved.
            #expect(summary.changed == 0)
            #expect(try await golden(store, id, "familyName")?.sourceName == "Call centre")
            #expect(try await stamp() > before)
        }
    }

    @Test func erasingAPersonLeavesNoGoldenValuesOrStaffObservations() async throws {
        try await withTestStore { store in
            let sources = try await register(store)
            let id = try #require(try await send(anna("Anna"), from: sources.web, into: store).personID)
            try await send(anna("Ania"), from: sources.calls, into: store)
            try await store.database.sql.raw("DELETE FROM people WHERE id = \(bind: id.rawValue)").run()
            for table in ["golden_values", "staff_observations"] {
                let n = try await store.database.sql.raw(
                    "SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE person_id = \(bind: id.rawValue)"
                ).first()?.decode(column: "n", as: Int.self)
                #expect(n == 0, "\(table)")
            }
        }
    }
}
