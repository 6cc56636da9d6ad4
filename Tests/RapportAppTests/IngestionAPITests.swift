import Foundation
import HummingbirdTesting
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Ingestion API: raw records, strict matching, quarantine (R1.2, R1.4, R1.7)")
struct IngestionAPITests {
    @Test func aNewPersonIsCreatedThenFoundAgainByEMailAndPhoneInOtherForms() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "webshop-test")
            let first = try await fixture.send(
                client, .post, "/api/v1/touchpoints/\(tp)/records",
                #"{"givenName":"Łukasz","familyName":"Żółć","email":" Lukasz.Zolc@Example.PL ","phone":"601 234 567","country":"PL","birthDate":"1980-05-17","address":{"line1":"ulica Piotrkowska 12","city":"Łódź","postcode":"90-001"}}"#,
                as: .serviceAgent)
            #expect(first.status == .created)
            #expect(first.json["outcome"] as? String == "created")
            let person = try #require(first.json["personID"] as? String)
            let raw = try #require(first.json["rawRecordID"] as? String)
            let points = try await fixture.store.contactPoints.forPerson(PersonID(rawValue: person))
            #expect(Set(points.map(\.normalized)).isSuperset(of: ["lukasz.zolc@example.pl", "+48601234567"]))
            #expect(points.allSatisfy { $0.sourceID?.rawValue == tp })
            #expect(points.contains { $0.kind == .postal && $0.address?.country == "PL" })

            let byEmail = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"email":"LUKASZ.ZOLC@example.pl"}"#)
            #expect(byEmail.status == .ok)
            #expect(byEmail.json["outcome"] as? String == "matched")
            #expect(byEmail.json["personID"] as? String == person)
            #expect((byEmail.json["matchReason"] as? String)?.hasPrefix("email = lukasz.zolc@example.pl") == true)
            for phone in ["+48 601-234-567", "0048 601 234 567", "(0) 601.234.567"] {
                let byPhone = try await fixture.send(
                    client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"givenName":"Lukasz","phone":"\#(phone)","country":"PL"}"#)
                #expect(byPhone.json["outcome"] as? String == "matched", "\(phone)")
                #expect(byPhone.json["personID"] as? String == person, "\(phone)")
            }
            let other = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"familyName":"Żółć","email":"inna@example.pl"}"#)
            #expect(other.json["outcome"] as? String == "created", "a shared surname alone decides nothing in strict matching")

            let row = try await fixture.store.database.sql.raw("SELECT * FROM raw_records WHERE id = \(bind: raw)").first()!
            #expect(try row.decode(column: "person_id", as: String.self) == person)
            #expect(try row.decode(column: "outcome", as: String.self) == "created")
            #expect(try row.decode(column: "payload", as: String.self).contains(#""email":" Lukasz.Zolc@Example.PL ""#), "kept as received")
            let audit = try await fixture.store.audit.list(entityID: person)
            #expect(audit.contains { $0.action == .create && $0.actorName == "u.service_agent" && $0.detail?.contains(raw) == true })
        }
    }

    @Test func aMatchAddsOnlyNewContactPointsAndIsAudited() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "pos-test")
            let first = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"familyName":"Nowak","email":"a.nowak@example.pl"}"#)
            let person = try #require(first.json["personID"] as? String)
            let again = try await fixture.send(
                client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"familyName":"Nowak","email":"a.nowak@example.pl","phone":"+48 600 100 200"}"#)
            #expect(again.json["personID"] as? String == person)
            let points = try await fixture.store.contactPoints.forPerson(PersonID(rawValue: person))
            #expect(points.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.email, .phone])
            let audit = try await fixture.store.audit.list(entityID: person)
            #expect(audit.contains { $0.action == .update && $0.detail?.hasSuffix("added phone") == true })
            let existing = try await fixture.store.contactPoints.forPerson(PersonID(rawValue: try await fixture.anyPersonID()))
            if let email = existing.first(where: { $0.kind == .email && $0.validTo == nil }) {
                let demo = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"email":"\#(email.normalized.uppercased())"}"#)
                #expect(demo.json["outcome"] as? String == "matched", "people entered before ingestion are found by their contact points")
            }
        }
    }

    @Test func customerNumbersMatchWithinTheirTouchpointOnly() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let shop = try await fixture.registerTouchpoint(client, name: "shop-a")
            let agent = try await fixture.registerTouchpoint(client, name: "agent-b")
            let first = try await fixture.send(client, .post, "/api/v1/touchpoints/\(shop)/records", #"{"externalID":"C-1001","familyName":"Santoso"}"#)
            let person = try #require(first.json["personID"] as? String)
            let same = try await fixture.send(client, .post, "/api/v1/touchpoints/\(shop)/records", #"{"externalID":"C-1001","givenName":"Budi"}"#)
            #expect(same.json["personID"] as? String == person)
            #expect(same.json["matchReason"] as? String == "externalID = C-1001")
            let elsewhere = try await fixture.send(client, .post, "/api/v1/touchpoints/\(agent)/records", #"{"externalID":"C-1001","familyName":"Wijaya"}"#)
            #expect(elsewhere.json["outcome"] as? String == "created")
            let card = try await fixture.send(client, .post, "/api/v1/touchpoints/\(shop)/records", #"{"externalID":"C-1001","loyaltyCard":"lc 77-01"}"#)
            #expect(card.json["personID"] as? String == person)
            let byCard = try await fixture.send(client, .post, "/api/v1/touchpoints/\(agent)/records", #"{"loyaltyCard":"LC7701"}"#)
            #expect(byCard.json["personID"] as? String == person, "loyalty cards match across touchpoints")
        }
    }

    @Test func anAttributeTheTouchpointMayNotSupplySendsTheRecordToQuarantine() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "mail-cards", allowed: ["givenName", "familyName", "postal"])
            let people = try await fixture.count("SELECT COUNT(*) AS n FROM people")
            let response = try await fixture.send(
                client, .post, "/api/v1/touchpoints/\(tp)/records",
                #"{"familyName":"Kowalski","email":"jan@example.pl","country":"PL","attributes":{"shoeSize":44}}"#)
            #expect(response.status == .accepted)
            #expect(response.json["outcome"] as? String == "quarantined")
            #expect(fields(response.json, key: "reasons") == ["email", "attributes.shoeSize"])
            let reasons = response.json["reasons"] as? [[String: Any]] ?? []
            #expect(reasons.first?["code"] as? String == "not_allowed")
            #expect((reasons.first?["message"] as? String)?.contains("'email'") == true)
            #expect(try await fixture.count("SELECT COUNT(*) AS n FROM people") == people)
            let raw = try #require(response.json["rawRecordID"] as? String)
            #expect(try await fixture.count("SELECT COUNT(*) AS n FROM quarantine WHERE raw_record_id = '\(raw)' AND status = 'open'") == 1)
            let allowed = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"familyName":"Kowalski","country":"PL"}"#)
            #expect(allowed.json["outcome"] as? String == "created")
        }
    }

    @Test func unusableRecordsAreKeptWithEveryReason() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "call-test")
            let cases: [(String, [String])] = [
                (#"{"givenName":"Ann","email":"not-an-email","birthDate":"2020-02-30","phone":"12","country":"PL"}"#, ["birthDate", "email", "phone"]),
                (#"{"country":"PL"}"#, ["familyName"]),
                (#"{"email":"nobody@example.com"}"#, ["familyName"]),
                (#"{"givenName":7}"#, ["givenName"]),
                (#"{"givenName":"Ann""#, ["body"]),
                ("[1,2]", ["body"]),
                (#"{"familyName":"Nowak","emial":"jan@example.pl"}"#, ["emial"]),
            ]
            for (body, expected) in cases {
                let response = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", body)
                #expect(response.status == .accepted, "\(body)")
                #expect(fields(response.json, key: "reasons") == expected, "\(body)")
                let raw = try #require(response.json["rawRecordID"] as? String)
                let kept = try await fixture.store.database.sql.raw("SELECT payload FROM raw_records WHERE id = \(bind: raw)").first()
                #expect(try kept?.decode(column: "payload", as: String.self) == body, "nothing received is lost")
            }
            let unknown = try await fixture.send(client, .post, "/api/v1/touchpoints/src_01AAAAAAAAAAAAAAAAAAAAAAAA/records", "{}")
            #expect(unknown.status == .notFound)
            let forbidden = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", "{}", as: .analyst)
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test func aBatchGivesEachRecordItsOwnOutcome() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "batch-test")
            let body = """
                [ {"givenName":"Dewi","familyName":"Lestari","phone":"0812-3456-7890","country":"ID"},
                  {"phone":"+62 812 3456 7890"},
                  {"givenName":"Bad","email":"bad@@example.com"},
                  42,
                  {"familyName":"Quote \\"],[{\\" Person","attributes":{"note":"a, b ] c"}} ]
                """
            let response = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records/batch", body)
            #expect(response.status == .ok)
            let results = response.json["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["outcome"] as? String ?? "" } == ["created", "matched", "quarantined", "quarantined", "created"])
            #expect(results[1]["personID"] as? String == results[0]["personID"] as? String)
            #expect(response.json["created"] as? Int == 2)
            #expect(response.json["quarantined"] as? Int == 2)
            let raw = try #require(results[4]["rawRecordID"] as? String)
            let row = try await fixture.store.database.sql.raw("SELECT payload, lineage FROM raw_records WHERE id = \(bind: raw)").first()!
            #expect(try row.decode(column: "payload", as: String.self) == #"{"familyName":"Quote \"],[{\" Person","attributes":{"note":"a, b ] c"}}"#)
            #expect(try row.decode(column: "lineage", as: String.self).hasSuffix("[4]"))
            let notArray = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records/batch", "{}")
            #expect(notArray.status == .unprocessableContent)
            #expect(fields(notArray.json) == ["body"])
            let tooMany = "[" + Array(repeating: "{}", count: 1001).joined(separator: ",") + "]"
            let refused = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records/batch", tooMany)
            #expect(refused.status == .unprocessableContent)
        }
    }
}

@Suite("Ingestion under concurrency (R1.7)")
struct IngestionConcurrencyTests {
    @Test func recordsArrivingTogetherWithTheSameNewKeyMakeOnePerson() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let touchpoint = try await fixture.store.sources.find(SourceID(rawValue: try await fixture.registerTouchpoint(client, name: "rush")))
            let store = fixture.store
            let people = try await withThrowingTaskGroup(of: String?.self) { group in
                // More writers than SQLiteNIO has threads: on SQLite they queue at the store's
                // write gate, not inside SQLite's busy handler, so none starves the lock holder.
                for index in 0..<8 {
                    group.addTask {
                        let record = IngestRecord(givenName: "Rush \(index)", familyName: "Hour", email: "rush.hour@example.com")
                        let request = IngestionRequest(payload: "{}", parsed: .success(record))
                        return try await store.ingestion.ingest(request, from: touchpoint, by: .system).personID?.rawValue
                    }
                }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(people.count == 1)
            #expect(people.first! != nil)
        }
    }

    /// Two imports whose batches carry the same new keys in opposite orders. On PostgreSQL each
    /// record locks its keys until its batch commits, so taken record by record the two batches
    /// would wait for each other (a deadlock, and one batch undone).
    @Test func concurrentBatchesWithTheSameKeysInOppositeOrdersBothCommit() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let touchpoint = try await fixture.store.sources.find(
                SourceID(rawValue: try await fixture.registerTouchpoint(client, name: "two-files")))
            let store = fixture.store
            // Forty people nothing links but their own e-mail address (loose matching keeps them apart).
            let given = "Adam Beata Cezary Dorota Emil Felicja Grzegorz Halina Igor Joanna".split(separator: " ")
            let family = "Nowak Wójcik Mazur Krawczyk Dudek Zając Król Wróbel Pawlak Górski".split(separator: " ")
            func batch(_ order: [Int]) -> [IngestionRequest] {
                order.map { index in
                    let record = IngestRecord(
                        givenName: String(given[index % 10]), familyName: String(family[index / 4]) + ["", "ska", "ski", "er"][index % 4],
                        email: "person\(index)@example.com")
                    return IngestionRequest(payload: "{}", parsed: .success(record))
                }
            }
            let forward = Array(0..<40)
            let outcomes = try await withThrowingTaskGroup(of: [IngestionResult].self) { group in
                for order in [forward, forward.reversed()] {
                    group.addTask { try await store.ingestion.ingest(transaction: batch(order), from: touchpoint, by: .system) }
                }
                return try await group.reduce(into: [IngestionResult]()) { $0 += $1 }
            }
            #expect(outcomes.count == 80)
            #expect(Set(outcomes.compactMap(\.personID)).count == 40, "one person per e-mail address")
            #expect(outcomes.filter { $0.outcome == .created }.count == 40)
        }
    }
}
