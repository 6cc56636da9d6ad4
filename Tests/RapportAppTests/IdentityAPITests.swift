import Foundation
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportStore
import Testing

@Suite("Clerical review, merge and unmerge through the API (R1.7)")
struct IdentityAPITests {
    func issues(_ json: [String: Any]) -> [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    // MARK: Tests

    @Test func theQueueIsPagedByProbabilityAndAcceptMergesIntoTheOlderPerson() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let f = IdentityFixture(store: fixture.store)
            let older = try await f.person("Anna", "Nowak", birth: "1980-04-02")
            let newer = try await f.person("Anna", "Nowack", birth: "1980-02-04")
            let third = try await f.person("Anna", "Nowakowska")
            let likely = try await f.review(newer, older, probability: 0.9)
            let lessLikely = try await f.review(third, older, probability: 0.7)
            let stale = try await f.review(newer, third, probability: 0.5)

            let first = try await fixture.send(client, .get, "/api/v1/reviews?limit=1")
            #expect((first.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [likely.rawValue])
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await fixture.send(client, .get, "/api/v1/reviews?limit=2&cursor=\(cursor)")
            #expect((second.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [lessLikely.rawValue, stale.rawValue])

            let point = try ContactPointDraft(kind: "email", value: "anna.nowack@example.pl")
                .validated(id: fixture.store.ids.make(), personID: newer, organisationID: nil, defaultCountry: "PL", now: Date())
            try await fixture.store.contactPoints.insert(point, by: .system)
            let cached = try await fixture.send(client, .get, "/api/v1/people/\(older)/360")
            #expect((cached.json["contactPoints"] as? [Any])?.isEmpty == true)

            let detail = try await fixture.send(client, .get, "/api/v1/reviews/\(likely)")
            let review = try #require(detail.json["review"] as? [String: Any])
            let evidence = try #require((review["explanation"] as? [String: Any])?["fields"] as? [[String: Any]])
            #expect(evidence.first?["termFrequencyAdjusted"] as? Bool == true)
            #expect((review["summary"] as? String)?.contains("given_name exact +6.5") == true)
            #expect(((detail.json["candidate"] as? [String: Any])?["person"] as? [String: Any])?["id"] as? String == older.rawValue)

            let accepted = try await fixture.send(client, .post, "/api/v1/reviews/\(likely)/accept", #"{"note":"same birth date, swapped"}"#)
            #expect(accepted.status == .ok)
            let merge = try #require(accepted.json["merge"] as? [String: Any])
            #expect(merge["survivorID"] as? String == older.rawValue && merge["absorbedID"] as? String == newer.rawValue)
            #expect(merge["reason"] as? String == "review_accepted" && merge["summary"] != nil)
            #expect((accepted.json["review"] as? [String: Any])?["status"] as? String == "accepted")
            let obsolete = try await fixture.send(client, .get, "/api/v1/reviews/\(stale)")
            #expect((obsolete.json["review"] as? [String: Any])?["status"] as? String == "obsolete")

            let survivor360 = try await fixture.send(client, .get, "/api/v1/people/\(older)/360")
            #expect((survivor360.json["contactPoints"] as? [[String: Any]])?.map { $0["id"] as? String } == [point.id.rawValue])
            let gone = try await fixture.send(client, .get, "/api/v1/people/\(newer)")
            #expect(gone.status == .gone && gone.json["code"] as? String == "person_merged")
            #expect(gone.json["mergedInto"] as? String == older.rawValue && issues(gone.json) == ["id"])
            let gone360 = try await fixture.send(client, .get, "/api/v1/people/\(newer)/360")
            #expect(gone360.status == .gone)

            let twice = try await fixture.send(client, .post, "/api/v1/reviews/\(likely)/accept")
            #expect(twice.status == .conflict && issues(twice.json) == ["status"])

            let rejected = try await fixture.send(client, .post, "/api/v1/reviews/\(lessLikely)/reject", "{}")
            #expect(rejected.status == .ok && rejected.json["status"] as? String == "rejected")
            let pair = [older.rawValue, third.rawValue].sorted()
            let distinct = try await fixture.store.database.sql.raw(
                "SELECT decided_by FROM distinct_people WHERE person_a = \(bind: pair[0]) AND person_b = \(bind: pair[1])"
            ).first()
            #expect(distinct != nil)
            let refused = try await fixture.send(client, .post, "/api/v1/people/\(older)/merge", #"{"absorb":"\#(third)"}"#)
            #expect(refused.status == .conflict && issues(refused.json) == ["absorb"])
            let open = try await fixture.send(client, .get, "/api/v1/reviews")
            #expect((open.json["items"] as? [Any])?.isEmpty == true)
        }
    }

    /// The thresholds of loose matching are set through the API as with `rapport resolve
    /// thresholds`: checked field by field, audited, and in force for the next record.
    @Test func thresholdsAreReadAndSetThroughTheAPI() async throws {
        try await AppFixture.run(people: 3) { client, fixture in
            let model = try await fixture.send(client, .get, "/api/v1/resolution/model")
            #expect(model.status == .ok && model.json["origin"] as? String == "standard")
            #expect((model.json["prior"] as? Double).map { $0 > 0 && $0 < 1 } == true)

            let missing = try await fixture.send(client, .put, "/api/v1/resolution/thresholds", #"{"match": 0.9}"#)
            #expect(missing.status == .unprocessableContent && issues(missing.json) == ["review"])
            let inverted = try await fixture.send(client, .put, "/api/v1/resolution/thresholds", #"{"match": 0.6, "review": 0.8}"#)
            #expect(inverted.status == .unprocessableContent && !issues(inverted.json).isEmpty)
            let outside = try await fixture.send(client, .put, "/api/v1/resolution/thresholds", #"{"match": 1.5, "review": 0.5}"#)
            #expect(outside.status == .unprocessableContent && issues(outside.json) == ["match"])
            #expect(try await fixture.store.matchModels.current().matchThreshold == model.json["matchThreshold"] as? Double)

            let set = try await fixture.send(client, .put, "/api/v1/resolution/thresholds", #"{"match": 0.97, "review": 0.4}"#)
            #expect(set.status == .ok && set.json["matchThreshold"] as? Double == 0.97 && set.json["reviewThreshold"] as? Double == 0.4)
            let stored = try await fixture.store.matchModels.current()
            #expect(stored.matchThreshold == 0.97 && stored.reviewThreshold == 0.4)
            let trail = try await fixture.store.audit.list(entityID: try #require(stored.id?.rawValue))
            #expect(trail.contains { $0.detail?.contains("match 0.97") == true })
            let refused = try await fixture.send(
                client, .put, "/api/v1/resolution/thresholds", #"{"match": 0.9, "review": 0.5}"#, as: .marketer)
            #expect(refused.status == .forbidden)
        }
    }

    @Test func manualMergeRefusesBadInputNamingTheFieldAndUnmergeGivesThePersonBack() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            try await fixture.store.subscribeTestReceiver(to: ["person.updated"])
            let f = IdentityFixture(store: fixture.store)
            let a = try await f.person("Jan", "Kowalski")
            let b = try await f.person("Janek", "Kowalski")
            let unknown: PersonID = fixture.store.ids.make()
            for body in ["{}", #"{"absorb":"per_nope"}"#, #"{"absorb":"\#(a)"}"#, #"{"absorb":"\#(unknown)"}"#] {
                let refused = try await fixture.send(client, .post, "/api/v1/people/\(a)/merge", body)
                #expect(refused.status == .unprocessableContent && issues(refused.json) == ["absorb"], "body \(body)")
            }
            let missing = try await fixture.send(client, .post, "/api/v1/people/\(unknown)/merge", #"{"absorb":"\#(b)"}"#)
            #expect(missing.status == .unprocessableContent && issues(missing.json) == ["id"])
            let merged = try await fixture.send(client, .post, "/api/v1/people/\(a)/merge", #"{"absorb":"\#(b)"}"#)
            #expect(merged.status == .created && merged.json["reason"] as? String == "manual")
            let mergeID = try #require(merged.json["id"] as? String)
            let again = try await fixture.send(client, .post, "/api/v1/people/\(a)/merge", #"{"absorb":"\#(b)"}"#)
            #expect(again.status == .conflict && issues(again.json) == ["absorb"])
            let history = try await fixture.send(client, .get, "/api/v1/people/\(b)/merges")
            #expect(history.array.count == 1)
            let listed = try await fixture.send(client, .get, "/api/v1/people?q=kowalski")
            #expect((listed.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [a.rawValue])

            let undone = try await fixture.send(client, .post, "/api/v1/merges/\(mergeID)/unmerge")
            #expect(undone.status == .ok && undone.json["undoneBy"] != nil)
            let twice = try await fixture.send(client, .post, "/api/v1/merges/\(mergeID)/unmerge")
            #expect(twice.status == .conflict && issues(twice.json) == ["status"])
            let back = try await fixture.send(client, .get, "/api/v1/people/\(b)")
            #expect(back.status == .ok && back.json["status"] as? String == "active")
            let events = try await fixture.store.database.sql.raw(
                "SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'person.updated' AND entity_id = \(bind: b.rawValue)"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(events == 2, "one person.updated for the merge and one for the unmerge")
            let forbidden = try await fixture.send(client, .post, "/api/v1/people/\(a)/merge", #"{"absorb":"\#(b)"}"#, as: .salesManager)
            #expect(forbidden.status == .forbidden)
        }
    }
}
