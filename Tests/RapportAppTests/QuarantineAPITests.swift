import Foundation
import HummingbirdTesting
import NIOCore
import RapportCore
import Testing

@Suite("Quarantine: list, correct and replay, discard (R1.4)")
struct QuarantineAPITests {
    @Test func aCorrectedRecordIsReplayedWithLineageAndTheOriginalKept() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "cards-test")
            let bad = #"{"givenName":"Siti","familyName":"Rahayu","email":"siti(at)example.id"}"#
            let sent = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", bad)
            let item = try #require(sent.json["quarantineID"] as? String)
            let original = try #require(sent.json["rawRecordID"] as? String)

            let open = try await fixture.send(client, .get, "/api/v1/quarantine?status=open&touchpointID=\(tp)")
            let items = open.json["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["id"] as? String } == [item])
            let read = try await fixture.send(client, .get, "/api/v1/quarantine/\(item)")
            #expect(read.json["payload"] as? String == bad)
            #expect(fields(read.json, key: "reasons") == ["email"])

            let still = try await fixture.send(client, .post, "/api/v1/quarantine/\(item)/replay", #"{"givenName":"Siti","email":"siti(at)example.id"}"#)
            #expect(still.status == .ok)
            let again = try #require((still.json["result"] as? [String: Any])?["quarantineID"] as? String)
            #expect((still.json["item"] as? [String: Any])?["status"] as? String == "replayed")

            let fixed = #"{"givenName":"Siti","familyName":"Rahayu","email":"siti@example.id"}"#
            let replay = try await fixture.send(client, .post, "/api/v1/quarantine/\(again)/replay", fixed)
            let result = try #require(replay.json["result"] as? [String: Any])
            #expect(result["outcome"] as? String == "created")
            let corrected = try #require(result["rawRecordID"] as? String)
            #expect((replay.json["item"] as? [String: Any])?["replayRawRecordID"] as? String == corrected)

            let rows = try await fixture.store.database.sql.raw(
                "SELECT id, payload, parent_id, person_id FROM raw_records WHERE id IN (\(bind: original), \(bind: corrected))").all()
            let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "id", as: String.self), $0) })
            #expect(try byID[original]!.decode(column: "payload", as: String.self) == bad, "the original is never changed")
            #expect(try byID[original]!.decode(column: "person_id", as: String?.self) == nil)
            #expect(try byID[corrected]?.decode(column: "person_id", as: String.self) == result["personID"] as? String)
            let parent = try byID[corrected]?.decode(column: "parent_id", as: String.self)
            #expect(parent != nil && parent != corrected, "the corrected record points back to the one it replaces")

            let twice = try await fixture.send(client, .post, "/api/v1/quarantine/\(again)/replay", fixed)
            #expect(twice.status == .conflict)
            let none = try await fixture.send(client, .get, "/api/v1/quarantine?status=open&touchpointID=\(tp)")
            #expect((none.json["items"] as? [Any])?.isEmpty == true)
            let audit = try await fixture.store.audit.list(entityID: again)
            #expect(audit.contains { $0.action == .update && $0.detail?.hasPrefix("replayed as \(corrected): created") == true })
        }
    }

    @Test func discardNeedsAReasonAndKeepsTheRawRecord() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "discard-test")
            let sent = try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"country":"XX1"}"#)
            let item = try #require(sent.json["quarantineID"] as? String)
            let noReason = try await fixture.send(client, .post, "/api/v1/quarantine/\(item)/discard", "{}")
            #expect(noReason.status == .unprocessableContent)
            #expect(fields(noReason.json) == ["reason"])
            let discarded = try await fixture.send(client, .post, "/api/v1/quarantine/\(item)/discard", #"{"reason":"test record from the shop's QA"}"#)
            #expect(discarded.json["status"] as? String == "discarded")
            #expect(discarded.json["note"] as? String == "test record from the shop's QA")
            #expect(discarded.json["resolvedBy"] as? String == "u.administrator")
            let listed = try await fixture.send(client, .get, "/api/v1/quarantine?status=discarded")
            #expect((listed.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [item])
            let again = try await fixture.send(client, .post, "/api/v1/quarantine/\(item)/discard", #"{"reason":"again"}"#)
            #expect(again.status == .conflict)
            #expect(try await fixture.count("SELECT COUNT(*) AS n FROM raw_records WHERE id = '\(sent.json["rawRecordID"] as! String)'") == 1)
            let denied = try await fixture.send(client, .get, "/api/v1/quarantine", as: .privacyOfficer)
            #expect(denied.status == .forbidden)
            let badStatus = try await fixture.send(client, .get, "/api/v1/quarantine?status=lost")
            #expect(fields(badStatus.json) == ["status"])
        }
    }

    @Test func listsPageWithCursors() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "paging-test")
            for _ in 0..<5 { try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", "{}") }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await fixture.send(client, .get, "/api/v1/quarantine?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                seen += (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil
            #expect(seen.count == 5)
            #expect(seen == seen.sorted(by: >))
        }
    }

    @Test func theQuarantinePageListsOpenItemsWithReasons() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "page-test")
            try await fixture.send(client, .post, "/api/v1/touchpoints/\(tp)/records", #"{"familyName":"Ząbek","phone":"12"}"#)
            let cookie = try await WebTests().signIn(client)
            try await client.execute(uri: "/admin/quarantine", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains("class=\"quarantine-item\""))
                #expect(html.contains("<strong>phone</strong>"))
                #expect(html.contains("page-test"))
                #expect(html.contains("href=\"/admin\" class=\"active\""), "the bar marks Administration as where we are")
            }
            let agent = try await WebTests().signIn(client, as: "u.service_agent")
            try await client.execute(uri: "/admin/quarantine", method: .get, headers: [.cookie: agent]) { #expect($0.status == .forbidden) }
        }
    }
}
