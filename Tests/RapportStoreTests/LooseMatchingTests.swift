import Foundation
import RapportCore
import RapportIdentity
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

/// Loose matching in ingestion and batch re-resolution (R1.7), on SQLite and PostgreSQL.
@Suite("Loose matching in the store (R1.7)")
struct LooseMatchingTests {
    static let address = AddressDraft(line1: "ul. Długa 15", city: "Gdańsk", postcode: "80-827", country: "PL")

    static let katarzyna = IngestRecord(
        givenName: "Katarzyna", familyName: "Wiśniewska", birthDate: "1984-03-12", email: "kasia.w@example.pl",
        address: address, country: "PL")

    /// Katarzyna again, with a typo in her given name and neither e-mail nor phone, so no
    /// deterministic key can find her.
    static let katarzynaTypo = IngestRecord(
        givenName: "Katarzyan", familyName: "Wiśniewska", birthDate: "1984-03-12", address: address, country: "PL")

    func touchpoint(_ store: Store) async throws -> Touchpoint {
        let touchpoint = Touchpoint(id: store.ids.make(), name: "shop", kind: .batchFile, trustRank: 3, createdAt: Date())
        try await store.sources.register(touchpoint, by: .system)
        return touchpoint
    }

    func ingest(_ record: IngestRecord, _ store: Store, _ touchpoint: Touchpoint) async throws -> IngestionResult {
        try await store.ingestion.ingest(
            IngestionRequest(payload: "{}", parsed: .success(record)), from: touchpoint, by: TestActors.admin)
    }

    /// A call centre the shop's records are ranked below.
    func trustedTouchpoint(_ store: Store) async throws -> Touchpoint {
        let crm = Touchpoint(id: store.ids.make(), name: "crm", kind: .callCentre, trustRank: 1, createdAt: Date())
        try await store.sources.register(crm, by: .system)
        return crm
    }

    /// ``ingest(_:_:_:)`` with the record's JSON as its payload, which survivorship reads.
    func ingestWithPayload(_ record: IngestRecord, _ store: Store, _ touchpoint: Touchpoint) async throws -> IngestionResult {
        let payload = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        return try await store.ingestion.ingest(
            IngestionRequest(payload: payload, parsed: .success(record)), from: touchpoint, by: TestActors.admin)
    }

    func rows(_ store: Store, _ sql: SQLQueryString) async throws -> [any SQLRow] {
        try await store.database.sql.raw(sql).all()
    }

    @Test func aTypoInTheNameWithTheSameBirthDateAndAddressMatches() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let first = try await ingest(Self.katarzyna, store, shop)
            #expect(first.outcome == .created)
            let again = try await ingest(Self.katarzynaTypo, store, shop)
            #expect(again.outcome == .matched)
            #expect(again.personID == first.personID)
            #expect(again.matchReason?.hasPrefix("loose: given_name") == true, "\(again.matchReason ?? "")")
            #expect(again.reviewIDs.isEmpty)
            let raw = try await rows(store, "SELECT match_reason FROM raw_records WHERE id = \(bind: again.rawRecordID.rawValue)")
            #expect(try raw[0].decode(column: "match_reason", as: String.self) == again.matchReason)
        }
    }

    /// The matching row of a person follows what later records change: a new address that a
    /// strict match adds, and a name a more trusted source wins with (survivorship reads the
    /// raw payloads, so these records carry theirs).
    @Test func theMatchingRowFollowsWhatMatchedRecordsChange() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let crm = try await trustedTouchpoint(store)
            var first = Self.katarzyna
            first.externalID = "1001"
            let created = try await ingestWithPayload(first, store, shop)
            let person = try #require(created.personID)
            func fields() async throws -> [String] {
                let row = try await rows(store, "SELECT fields FROM person_match_rows WHERE person_id = \(bind: person.rawValue)")
                return NormalisedPerson.fields(stored: try row[0].decode(column: "fields", as: String.self))
            }
            #expect(try await fields()[ComparedField.postcode.rawValue] == "80827")

            var moved = IngestRecord(givenName: "Katarzyna", familyName: "Wiśniewska", country: "PL")
            moved.externalID = "1001"
            moved.address = AddressDraft(line1: "ul. Polna 3", city: "Sopot", postcode: "81-701", country: "PL")
            let again = try await ingestWithPayload(moved, store, shop)
            #expect(again.outcome == .matched && again.personID == person && again.matchReason?.hasPrefix("loose") == false)
            #expect(try await fields()[ComparedField.postcode.rawValue] == "81701", "the new address, added by a strict match")

            let renamed = IngestRecord(givenName: "Katarzyna", familyName: "Nowak", email: "kasia.w@example.pl", country: "PL")
            let trusted = try await ingestWithPayload(renamed, store, crm)
            #expect(trusted.outcome == .matched && trusted.personID == person)
            #expect(try await store.people.find(person, by: TestActors.admin).familyName == "Nowak")
            #expect(try await fields()[ComparedField.surname.rawValue] == "nowak", "the name the more trusted source won with")
        }
    }

    /// The matching row compares the primary e-mail address; when survivorship makes another
    /// of the person's addresses primary — here a more trusted source names one they already
    /// have, so nothing is added — the row follows.
    @Test func theMatchingRowFollowsThePrimaryEmailSurvivorshipChooses() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let crm = try await trustedTouchpoint(store)
            let first = IngestRecord(
                givenName: "Katarzyna", familyName: "Wiśniewska", email: "kasia.w@example.pl", phone: "+48 512 345 678",
                country: "PL")
            let person = try #require(try await ingestWithPayload(first, store, shop).personID)
            func rowEmail() async throws -> String {
                let row = try await rows(store, "SELECT fields FROM person_match_rows WHERE person_id = \(bind: person.rawValue)")
                return NormalisedPerson.fields(stored: try row[0].decode(column: "fields", as: String.self))[
                    ComparedField.email.rawValue]
            }
            func primaryEmail() async throws -> String {
                let row = try await rows(
                    store,
                    """
                    SELECT normalized FROM contact_points WHERE person_id = \(bind: person.rawValue) AND kind = 'email'
                      AND valid_to IS NULL AND is_primary = 1
                    """)
                return try row[0].decode(column: "normalized", as: String.self)
            }
            var second = first
            second.email = "k.wisniewska@example.com"
            #expect(try await ingestWithPayload(second, store, shop).personID == person)
            let before = try await primaryEmail()
            #expect(try await rowEmail() == before)

            var trusted = first
            trusted.email = before == "kasia.w@example.pl" ? "k.wisniewska@example.com" : "kasia.w@example.pl"
            #expect(try await ingestWithPayload(trusted, store, crm).personID == person)
            #expect(try await primaryEmail() == trusted.email, "the trusted source's address won")
            #expect(try await rowEmail() == trusted.email, "the row compares the new primary address")
        }
    }

    @Test func anotherCustomerNumberOfTheSameTouchpointIsReviewedNotMatched() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            var first = Self.katarzyna
            first.externalID = "1001"
            let created = try await ingest(first, store, shop)
            var second = Self.katarzynaTypo
            second.externalID = "1002"
            let result = try await ingest(second, store, shop)
            #expect(result.outcome == .created)
            #expect(result.personID != created.personID)
            #expect(result.reviewIDs.count == 1, "the loose match is left to a reviewer")
        }
    }

    @Test func aRelativeAtTheSameAddressWithAnotherGivenNameDoesNotMatch() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let first = try await ingest(Self.katarzyna, store, shop)
            let husband = IngestRecord(
                givenName: "Tomasz", familyName: "Wiśniewski", birthDate: "1981-11-02", address: Self.address, country: "PL")
            let mother = IngestRecord(
                givenName: "Halina", familyName: "Wiśniewska", birthDate: "1958-07-02", address: Self.address, country: "PL")
            for relative in [husband, mother] {
                let result = try await ingest(relative, store, shop)
                #expect(result.outcome == .created, "\(relative.givenName ?? "")")
                #expect(result.personID != first.personID)
                #expect(result.reviewIDs.isEmpty, "\(result.matchReason ?? "")")
            }
        }
    }

    @Test func aGreyPairOpensAReviewWithItsExplanation() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let first = try await ingest(Self.katarzyna, store, shop)
            // A match threshold no evidence reaches puts the typo pair in the grey zone.
            _ = try await store.matchModels.setThresholds(match: 0.999_999_999_999, review: 0.5, by: TestActors.admin)
            let again = try await ingest(Self.katarzynaTypo, store, shop)
            #expect(again.outcome == .created)
            let personID = try #require(again.personID)
            #expect(personID != first.personID)
            #expect(again.reviewIDs.count == 1)
            #expect(again.matchReason?.contains("1 possible match(es) queued for review") == true)
            let reviews = try await rows(store, "SELECT * FROM match_reviews")
            #expect(reviews.count == 1)
            let review = try #require(reviews.first)
            #expect(try review.decode(column: "id", as: String.self) == again.reviewIDs.first)
            #expect(try review.decode(column: "person_id", as: String.self) == personID.rawValue)
            #expect(try review.decode(column: "candidate_id", as: String.self) == first.personID?.rawValue)
            #expect(try review.decode(column: "raw_record_id", as: String.self) == again.rawRecordID.rawValue)
            #expect(try review.decode(column: "origin", as: String.self) == "ingestion")
            #expect(try review.decode(column: "status", as: String.self) == "open")
            let explanation = try JSONDecoder().decode(
                MatchExplanation.self, from: Data(try review.decode(column: "explanation", as: String.self).utf8))
            #expect(explanation.recordA == first.personID?.rawValue)
            #expect(explanation.recordB == again.rawRecordID.rawValue)
            #expect(explanation.probability >= 0.5 && explanation.probability < 0.999_999_999_999)
            #expect(try review.decode(column: "probability", as: Double.self) == explanation.probability)
            #expect(explanation.fields.first { $0.field == .dateOfBirth }?.levelName == "exact")
        }
    }

    @Test func thresholdsAreCheckedAndKept() async throws {
        try await withTestStore { store in
            #expect(try await store.matchModels.current().origin == .standard)
            await #expect(throws: DomainError.self) {
                _ = try await store.matchModels.setThresholds(match: 0.5, review: 0.9, by: TestActors.admin)
            }
            await #expect(throws: DomainError.self) {
                _ = try await store.matchModels.setThresholds(match: 1.2, review: 0.5, by: TestActors.admin)
            }
            _ = try await store.matchModels.setThresholds(match: 0.99, review: 0.6, by: TestActors.admin)
            let current = try await store.matchModels.current()
            #expect(current.matchThreshold == 0.99 && current.reviewThreshold == 0.6)
            #expect(current.id != nil)
        }
    }

    @Test func batchReResolutionProposesPairsButNeverDistinctOnes() async throws {
        try await withTestStore { store in
            var ids: [PersonID] = []
            for given in ["Katarzyna", "Katarzyan"] {
                let person = Person(
                    id: store.ids.make(), givenName: given, familyName: "Wiśniewska",
                    birthDate: LocalDate(year: 1984, month: 3, day: 12), country: "PL", createdAt: Date(), updatedAt: Date())
                try await store.people.insert(person, by: TestActors.admin)
                let postal = ContactPoint(
                    id: store.ids.make(), personID: person.id, kind: .postal, value: "ul. Długa 15, 80-827 Gdańsk",
                    normalized: "ul dluga 15 80827 gdansk",
                    address: PostalAddress(line1: "ul. Długa 15", city: "Gdańsk", postcode: "80-827", country: "PL"),
                    createdAt: Date())
                try await store.contactPoints.insert(postal, by: TestActors.admin)
                ids.append(person.id)
            }
            let (older, younger) = (ids[0].rawValue, ids[1].rawValue)
            try await store.database.sql.raw(
                """
                INSERT INTO distinct_people (person_a, person_b, decided_by, decided_at)
                VALUES (\(bind: min(older, younger)), \(bind: max(older, younger)), 'test', \(bind: Timestamp.now()))
                """
            ).run()
            let refused = try await store.batchResolution.run(by: TestActors.admin)
            #expect(refused.people == 2)
            #expect(refused.distinct == 1)
            #expect(refused.proposedMerges + refused.reviews == 0)
            #expect(try await rows(store, "SELECT id FROM match_reviews").isEmpty)

            try await store.database.sql.raw("DELETE FROM distinct_people").run()
            let proposed = try await store.batchResolution.run(by: TestActors.admin)
            #expect(proposed.proposedMerges == 1, "same person with a typo: above the match threshold")
            let reviews = try await rows(store, "SELECT * FROM match_reviews")
            #expect(reviews.count == 1)
            #expect(try reviews[0].decode(column: "person_id", as: String.self) == younger)
            #expect(try reviews[0].decode(column: "candidate_id", as: String.self) == older)
            #expect(try reviews[0].decode(column: "origin", as: String.self) == "batch")
            #expect(try reviews[0].decode(column: "probability", as: Double.self) >= 0.95)
            let again = try await store.batchResolution.run(by: TestActors.admin)
            #expect(again.alreadyReviewed == 1 && again.proposedMerges == 0, "a pair is proposed once")
        }
    }

    @Test func mergedPeopleAreNoCandidates() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let first = try await ingest(Self.katarzyna, store, shop)
            let id = try #require(first.personID).rawValue
            try await store.database.sql.raw("UPDATE people SET status = 'merged' WHERE id = \(bind: id)").run()
            let again = try await ingest(Self.katarzynaTypo, store, shop)
            #expect(again.outcome == .created)
            #expect(again.reviewIDs.isEmpty)
        }
    }

    @Test func theIndexFollowsTheAPIAndTheBulkLoaderAndARebuildChangesNothing() async throws {
        let test = try await TestStore.make()
        do {
            try await test.loadDemo(people: 120)
            let store = test.store
            func snapshot() async throws -> [String] {
                try await rows(
                    store,
                    """
                    SELECT r.person_id, r.fields, COUNT(b.block_key) AS blocks FROM person_match_rows r
                    LEFT JOIN person_blocks b ON b.row_id = r.row_id GROUP BY r.person_id, r.fields ORDER BY r.person_id
                    """
                ).map {
                    "\(try $0.decode(column: "person_id", as: String.self)) \(try $0.decode(column: "fields", as: String.self)) "
                        + "\(try $0.decode(column: "blocks", as: Int.self))"
                }
            }
            let people = try await rows(store, "SELECT id FROM people")
            let loaded = try await snapshot()
            #expect(loaded.count == people.count, "the bulk loader indexes every person")
            #expect(try await MatchIndex.rebuild(on: store.database) == people.count)
            #expect(try await snapshot() == loaded)

            let person = Person(
                id: store.ids.make(), givenName: "Zofia", familyName: "Kwiatkowska", createdAt: Date(), updatedAt: Date())
            try await store.people.insert(person, by: TestActors.admin)
            var patch = PersonPatch()
            patch.birthDate = .set("1990-01-31")
            _ = try await store.people.update(person.id, with: patch, by: TestActors.admin)
            let row = try await rows(store, "SELECT row_id, fields FROM person_match_rows WHERE person_id = \(bind: person.id.rawValue)")
            let fields = NormalisedPerson.fields(stored: try row[0].decode(column: "fields", as: String.self))
            #expect(fields[ComparedField.givenName.rawValue] == "zofia")
            #expect(fields[ComparedField.dateOfBirth.rawValue] == "19900131")
            let rowID = try row[0].decode(column: "row_id", as: Int64.self)
            #expect(try await !rows(store, "SELECT block_key FROM person_blocks WHERE row_id = \(bind: rowID)").isEmpty)
            try await store.database.sql.raw("DELETE FROM people WHERE id = \(bind: person.id.rawValue)").run()
            #expect(try await rows(store, "SELECT block_key FROM person_blocks WHERE row_id = \(bind: rowID)").isEmpty)
            #expect(try await rows(store, "SELECT person_id FROM person_match_rows WHERE person_id = \(bind: person.id.rawValue)").isEmpty)
            await test.close()
        } catch {
            await test.close()
            throw error
        }
    }

    @Test func aModelFittedOnTheStoredPeopleIsUsedFromThenOn() async throws {
        try await withDemoStore(people: 1_100) { store in
            let fitted = try await store.matchModels.fit(by: TestActors.admin)
            #expect(fitted.origin == .fitted)
            #expect(fitted.recordCount >= MatchModelRepository.minimumPeopleToFit)
            let current = try await store.matchModels.current()
            #expect(current.id == fitted.id)
            #expect(current.model == fitted.model)
            #expect(current.termFrequencies == fitted.termFrequencies)
            #expect(!current.termFrequencies.values.isEmpty)
        }
    }

    @Test func aDecisionOutsideATransactionReadsTheCommittedPeople() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            #expect(try await store.ingestion.looseDecision(for: Self.katarzynaTypo, from: shop) == .new)
            let first = try await ingest(Self.katarzyna, store, shop)
            let id = try #require(first.personID).rawValue
            let decision = try await store.ingestion.looseDecision(for: Self.katarzynaTypo, from: shop)
            guard case .match(let proposal)? = decision else {
                Issue.record("expected a match, got \(String(describing: decision))")
                return
            }
            #expect(proposal.candidateID == id)
            let stranger = IngestRecord(
                givenName: "Bartosz", familyName: "Zieliński", birthDate: "1961-11-02",
                address: AddressDraft(line1: "ul. Krótka 3", city: "Sopot", postcode: "81-701", country: "PL"),
                country: "PL")
            #expect(try await store.ingestion.looseDecision(for: stranger, from: shop) == .new)
            try await store.database.sql.raw("UPDATE people SET status = 'merged' WHERE id = \(bind: id)").run()
            #expect(try await store.ingestion.looseDecision(for: Self.katarzynaTypo, from: shop) == .new)
        }
    }

    @Test func thePriorFallsWithTheStoresSizeButNeverRises() {
        let standard = StoredMatchModel.standard
        let prior = standard.model.prior
        let large = standard.recordCount * 100
        #expect(standard.prior(forPopulation: large) == min(prior / 100, 1 / Double(large)))
        #expect(standard.prior(forPopulation: large) < prior / 99)
        #expect(standard.prior(forPopulation: 10) == prior, "a small store keeps the fitted prior")
        #expect(standard.matcher(population: 1_000_000).model.prior == standard.prior(forPopulation: 1_000_000))
        #expect(standard.matcher(population: 0).model.prior == prior)
        var generous = standard
        generous.model.prior = 0.01
        #expect(generous.prior(forPopulation: 2_000_000) == 1.0 / 2_000_000, "never above 1/N")
        #expect(generous.prior(forPopulation: 50) == 0.01)
    }

    @Test func aFitNeedsEnoughPeople() async throws {
        try await withDemoStore(people: 50) { store in
            await #expect(throws: DomainError.self) { _ = try await store.matchModels.fit(by: TestActors.admin) }
            let current = try await store.matchModels.current()
            #expect(current.origin == .standard)
        }
    }
}
