import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import Testing

@Suite("Segments over the API: rules as text or JSON, preview, members, freeze (R3.2)")
struct SegmentAPITests {
    func send(
        _ client: any TestClientProtocol, _ fixture: AppFixture, _ method: HTTPRequest.Method, _ uri: String,
        _ body: String? = nil,
        as role: Role = .marketer
    ) async throws -> (HTTPResponse.Status, [String: Any], String) {
        try await client.execute(
            uri: uri, method: method, headers: fixture.headers(role), body: body.map { ByteBuffer(string: $0) }
        ) { ($0.status, $0.body.json, $0.body.text) }
    }

    @Test func aSegmentIsCreatedReadChangedFrozenAndDeleted() async throws {
        try await AppFixture.run { client, fixture in
            let create =
                #"{"key": "pl-buyers", "name": "Buyers in Poland", "rule": "country = \"PL\" and frequency >= 1"}"#
            var (status, json, _) = try await send(client, fixture, .post, "/api/v1/segments", create)
            #expect(status == .created)
            #expect(json["rule"] as? String == #"country = "PL" and frequency >= 1"#)
            #expect((json["ruleJSON"] as? [String: Any])?["and"] != nil)
            (status, json, _) = try await send(client, fixture, .get, "/api/v1/segments/pl-buyers", as: .readOnly)
            #expect(status == .ok)
            let size = try #require(json["size"] as? Int)
            let expected = try await fixture.store.database.sql.raw(
                "SELECT COUNT(DISTINCT p.id) AS n FROM people p JOIN purchases u ON u.person_id = p.id WHERE p.country = 'PL' AND u.kind = 'purchase'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(size == expected)
            (status, json, _) = try await send(
                client, fixture, .get, "/api/v1/segments/pl-buyers/members?limit=200", as: .readOnly)
            let members = try #require(json["items"] as? [[String: Any]])
            #expect(members.count == size)
            // Segments of one: the member's own list names the segment.
            let member = try #require(members.first?["id"] as? String)
            let ofOne = try await client.execute(
                uri: "/api/v1/people/\(member)/segments", method: .get, headers: fixture.headers(.serviceAgent)
            ) { (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body))) as? [[String: Any]] ?? [] }
            #expect(ofOne.compactMap { $0["key"] as? String } == ["pl-buyers"])
            // The rule in JSON form, as integrations send it.
            let patch =
                #"{"name": "Frequent buyers in Poland", "rule": {"and": [{"field": "country", "op": "=", "value": "PL"}, {"field": "frequency", "op": ">=", "value": 2}]}}"#
            (status, json, _) = try await send(client, fixture, .patch, "/api/v1/segments/pl-buyers", patch)
            #expect(status == .ok)
            #expect(json["rule"] as? String == #"country = "PL" and frequency >= 2"#)
            (status, json, _) = try await send(
                client, fixture, .post, "/api/v1/segments/pl-buyers/freeze", #"{"key": "pl-buyers-snapshot"}"#)
            #expect(status == .created)
            #expect(json["kind"] as? String == "frozen")
            #expect(json["frozenFrom"] as? String == "pl-buyers")
            let list = try await client.execute(
                uri: "/api/v1/segments", method: .get, headers: fixture.headers(.salesRep)
            ) {
                (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body))) as? [[String: Any]] ?? []
            }
            #expect(list.compactMap { $0["key"] as? String } == ["pl-buyers", "pl-buyers-snapshot"])
            (status, _, _) = try await send(client, fixture, .delete, "/api/v1/segments/pl-buyers-snapshot")
            #expect(status == .noContent)
            (status, _, _) = try await send(client, fixture, .get, "/api/v1/segments/pl-buyers-snapshot")
            #expect(status == .notFound)
        }
    }

    @Test func aBadRuleIsAProblemListingEachErrorWithItsPosition() async throws {
        try await AppFixture.run { client, fixture in
            let body = #"{"rule": "frequency >= 1 and\nspnd >= 100 or country = 5"}"#
            let (status, json, text) = try await send(client, fixture, .post, "/api/v1/segments/preview", body)
            #expect(status == .unprocessableContent)
            #expect(json["code"] as? String == "invalid_segment_rule")
            let errors = try #require(json["errors"] as? [[String: Any]], "\(text)")
            #expect(errors.count == 2)
            #expect(errors[0]["field"] as? String == "rule")
            #expect(errors[0]["code"] as? String == "unknown_field")
            #expect(errors[0]["line"] as? Int == 2)
            #expect(errors[0]["column"] as? Int == 1)
            #expect((errors[0]["message"] as? String)?.contains("spend") == true)
            #expect(errors[1]["code"] as? String == "wrong_type")
            #expect(errors[1]["line"] as? Int == 2)
            #expect(errors[1]["column"] as? Int == 26)
            // The JSON form names the bad node by its path.
            let jsonRule =
                #"{"rule": {"and": [{"field": "spend", "op": ">=", "value": 1}, {"field": "spend", "op": "~", "value": 2}]}}"#
            let (status2, json2, _) = try await send(client, fixture, .post, "/api/v1/segments/preview", jsonRule)
            #expect(status2 == .unprocessableContent)
            let error = try #require((json2["errors"] as? [[String: Any]])?.first)
            #expect(error["path"] as? String == "and[1].op")
            // Saving refuses the same way and writes nothing; purpose limitation is a rule error too.
            let save = #"{"key": "alive", "name": "Alive", "rule": "p_alive > 0.5"}"#
            let (status3, json3, _) = try await send(client, fixture, .post, "/api/v1/segments", save)
            #expect(status3 == .unprocessableContent)
            #expect((json3["errors"] as? [[String: Any]])?.first?["code"] as? String == "purpose_limitation")
            #expect((json3["errors"] as? [[String: Any]])?.first?["ruleField"] as? String == "p_alive")
            let (status4, _, _) = try await send(
                client, fixture, .post, "/api/v1/segments",
                #"{"key": "alive", "name": "Alive", "purpose": "reporting", "rule": "p_alive > 0.5"}"#)
            #expect(status4 == .created)
            let (status5, json5, _) = try await send(
                client, fixture, .post, "/api/v1/segments", #"{"key": "Bad Key", "name": "x", "rule": "frequency > 1"}"#
            )
            #expect(status5 == .unprocessableContent)
            #expect((json5["errors"] as? [[String: Any]])?.first?["field"] as? String == "key")
        }
    }

    @Test func previewGivesSizeAndValuePerCurrency() async throws {
        try await AppFixture.run { client, fixture in
            let (status, json, text) = try await send(
                client, fixture, .post, "/api/v1/segments/preview", #"{"rule": "frequency >= 1"}"#, as: .analyst)
            #expect(status == .ok, "\(text)")
            let buyers = try await fixture.store.database.sql.raw(
                "SELECT COUNT(DISTINCT person_id) AS n FROM purchases WHERE person_id IS NOT NULL AND kind = 'purchase'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(json["size"] as? Int == buyers)
            let value = try #require(json["value"] as? [[String: Any]])
            #expect(!value.isEmpty)
            #expect(value.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == buyers)
            #expect(json["explanation"] as? [String] == ["purchases is at least 1"])
            let (refused, _, _) = try await send(
                client, fixture, .post, "/api/v1/segments/preview", #"{"rule": "frequency >= 1"}"#, as: .salesRep)
            #expect(refused == .forbidden)
        }
    }
}
