import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("API: suppressions and data marts (R1.10)")
struct SuppressionAPITests {
    // MARK: Tests

    @Test func aPersonIsSuppressedListedAndLiftedWithProblemsNamingTheField() async throws {
        try await AppFixture.run { client, fixture in
            let person = try await fixture.anyPersonID()
            try await client.execute(
                uri: "/api/v1/people/\(person)/suppressions", method: .post, headers: fixture.headers(.serviceAgent),
                body: ByteBuffer(string: #"{"reason":"moved"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let errors = response.body.json["errors"] as? [[String: Any]]
                #expect(errors?.first?["field"] as? String == "reason")
            }
            try await client.execute(
                uri: "/api/v1/people/\(person)/suppressions", method: .post, headers: fixture.headers(.marketer),
                body: ByteBuffer(string: #"{"reason":"deceased"}"#)
            ) { #expect($0.status == .forbidden) }
            let id = try await client.execute(
                uri: "/api/v1/people/\(person)/suppressions", method: .post, headers: fixture.headers(.serviceAgent),
                body: ByteBuffer(string: #"{"reason":"on_request","note":"Phoned in"}"#)
            ) { response in
                #expect(response.status == .created)
                return response.body.json["id"] as? String ?? ""
            }
            try await client.execute(uri: "/api/v1/people/\(person)/360", method: .get, headers: fixture.headers()) {
                let suppressions = $0.body.json["suppressions"] as? [[String: Any]]
                #expect(suppressions?.first?["reason"] as? String == "on_request")
            }
            try await client.execute(
                uri: "/api/v1/suppressions?reason=on_request&limit=1", method: .get, headers: fixture.headers(.readOnly)
            ) { response in
                let items = response.body.json["items"] as? [[String: Any]]
                #expect(items?.map { $0["id"] as? String } == [id])
            }
            try await client.execute(uri: "/api/v1/suppressions?reason=gone", method: .get, headers: fixture.headers()) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/v1/suppressions/\(id)/lift", method: .post, headers: fixture.headers()) {
                #expect($0.status == .ok)
                #expect($0.body.json["liftedBy"] as? String != nil)
            }
            try await client.execute(uri: "/api/v1/suppressions/\(id)/lift", method: .post, headers: fixture.headers()) {
                #expect($0.status == .conflict)
            }
            try await client.execute(uri: "/api/v1/people/\(person)/suppressions", method: .get, headers: fixture.headers()) {
                #expect($0.body.text.contains("\"liftedAt\""))
            }
        }
    }

    @Test func aMartIsDefinedCountedAndExportedAsCSVWithFieldErrors() async throws {
        try await AppFixture.run { client, fixture in
            try await client.execute(
                uri: "/api/v1/marts", method: .post, headers: fixture.headers(.analyst),
                body: ByteBuffer(string: #"{"key":"pl","name":"PL","rules":"country = \"PL\" and","includes":["pets"]}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let fields = (response.body.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
                #expect(fields == ["includes[0]"])
            }
            try await client.execute(
                uri: "/api/v1/marts", method: .post, headers: fixture.headers(.analyst),
                body: ByteBuffer(string: #"{"key":"pl","name":"PL","rules":"country = \"PL\" and","includes":["purchases"]}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.json["code"] as? String == "invalid_segment_rule")
                #expect(response.body.text.contains("\"line\":1"))
            }
            try await client.execute(
                uri: "/api/v1/marts", method: .post, headers: fixture.headers(.analyst),
                body: ByteBuffer(string: #"{"key":"pl","name":"PL","rules":"country = \"PL\"","includes":["purchases"]}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/api/v1/marts", method: .post, headers: fixture.headers(.analyst),
                body: ByteBuffer(string: #"{"key":"pl","name":"PL","rules":"country = \"PL\""}"#)
            ) { #expect($0.status == .conflict) }
            let expected = try await fixture.store.database.sql.raw(
                "SELECT COUNT(*) AS n FROM people WHERE country = 'PL' AND status = 'active'"
            ).first()!.decode(column: "n", as: Int.self)
            try await client.execute(
                uri: "/api/v1/marts/count", method: .post, headers: fixture.headers(.analyst),
                body: ByteBuffer(string: #"{"rules":"country = \"PL\""}"#)
            ) { #expect($0.body.json["size"] as? Int == expected) }
            try await client.execute(uri: "/api/v1/marts/pl/export.csv", method: .get, headers: fixture.headers(.analyst)) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = response.body.text.split(separator: "\r\n")
                #expect(lines.first?.hasPrefix("person_id,given_name") == true)
                #expect(lines.count == expected + 1)
            }
            try await client.execute(
                uri: "/api/v1/marts/pl/export.csv?part=interactions", method: .get, headers: fixture.headers(.analyst)
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(
                uri: "/api/v1/marts/pl", method: .put, headers: fixture.headers(.marketer),
                body: ByteBuffer(string: #"{"name":"Poland","rules":"country = \"PL\"","includes":["interactions"]}"#)
            ) { #expect($0.body.json["includes"] as? [String] == ["interactions"]) }
            try await client.execute(
                uri: "/api/v1/marts/pl/export.csv?part=interactions", method: .get, headers: fixture.headers(.analyst)
            ) { #expect($0.body.text.hasPrefix("person_id,interaction_id")) }
            try await client.execute(uri: "/api/v1/marts/pl", method: .delete, headers: fixture.headers(.marketer)) {
                #expect($0.status == .noContent)
            }
        }
    }
}
