import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Offers and actions over the API, and the ones that fit a person (R3.4)")
struct OfferAPITests {
    func send(
        _ client: any TestClientProtocol, _ fixture: AppFixture, _ method: HTTPRequest.Method, _ uri: String,
        _ body: String? = nil, as role: Role = .marketer
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], array: [[String: Any]], type: String?) {
        try await client.execute(
            uri: uri, method: method, headers: fixture.headers(role), body: body.map { ByteBuffer(string: $0) }
        ) { response in
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
            return (
                response.status, object as? [String: Any] ?? [:], object as? [[String: Any]] ?? [],
                response.headers[.contentType]
            )
        }
    }

    /// A frozen contact segment holding exactly `person`.
    func picked(_ person: String, fixture: AppFixture) async throws {
        _ = try await fixture.store.segments.create(
            try SegmentDraft(key: "picked", name: "Picked", kind: "frozen").validated(), rule: nil,
            personIDs: [PersonID(rawValue: person)], by: .system)
    }

    @Test func anOfferIsCreatedReadChangedFittedAndDeleted() async throws {
        try await AppFixture.run { client, fixture in
            let person = try await fixture.anyPersonID()
            let other = try await fixture.store.database.sql.raw("SELECT id FROM people ORDER BY id DESC LIMIT 1")
                .first()!.decode(column: "id", as: String.self)
            try await picked(person, fixture: fixture)
            var response = try await send(
                client, fixture, .post, "/api/v1/offers",
                #"{"key": "renewal_call", "name": "Call to renew", "kind": "action", "segment": "picked", "channel": "phone", "priority": 5}"#
            )
            #expect(response.status == .created)
            #expect(response.json["channel"] as? String == "phone")
            response = try await send(
                client, fixture, .post, "/api/v1/offers",
                #"{"key": "loyal_discount", "name": "Loyalty discount", "kind": "offer", "segment": "picked", "value": 25.5, "currency": "pln"}"#
            )
            #expect(response.status == .created)
            let value = try #require(response.json["value"] as? [String: Any])
            #expect(value["minorUnits"] as? Int == 2550 && value["currency"] as? String == "PLN")
            #expect(response.json["priority"] as? Int == 100 && response.json["active"] as? Bool == true)
            response = try await send(client, fixture, .get, "/api/v1/offers", as: .readOnly)
            #expect(response.array.compactMap { $0["key"] as? String } == ["renewal_call", "loyal_discount"])
            response = try await send(client, fixture, .patch, "/api/v1/offers/loyal_discount", #"{"priority": 1}"#)
            #expect(response.status == .ok && response.json["priority"] as? Int == 1)
            response = try await send(client, fixture, .get, "/api/v1/offers/loyal_discount", as: .serviceAgent)
            #expect(response.json["priority"] as? Int == 1 && response.json["segment"] as? String == "picked")
            response = try await send(client, fixture, .get, "/api/v1/people/\(person)/offers", as: .serviceAgent)
            #expect(response.status == .ok)
            #expect(
                response.array.compactMap { ($0["offer"] as? [String: Any])?["key"] as? String } == [
                    "loyal_discount", "renewal_call",
                ])
            #expect(response.array.allSatisfy { ($0["segment"] as? [String: Any])?["key"] as? String == "picked" })
            response = try await send(client, fixture, .get, "/api/v1/people/\(other)/offers", as: .serviceAgent)
            #expect(response.status == .ok && response.array.isEmpty)
            response = try await send(client, fixture, .delete, "/api/v1/offers/renewal_call")
            #expect(response.status == .noContent)
            response = try await send(client, fixture, .get, "/api/v1/offers/renewal_call")
            #expect(response.status == .notFound && response.type?.hasPrefix("application/problem+json") == true)
        }
    }

    @Test func badOffersAreProblemsNamingTheirFields() async throws {
        try await AppFixture.run { client, fixture in
            _ = try await fixture.store.segments.create(
                try SegmentDraft(key: "report-only", name: "Report only", purpose: "reporting").validated(),
                rule: try SegmentRuleRejection.parse("frequency >= 0"), by: .system)
            var response = try await send(
                client, fixture, .post, "/api/v1/offers", #"{"key": "Bad Key", "kind": "gift", "value": 5}"#)
            #expect(response.status == .unprocessableContent)
            #expect(response.type?.hasPrefix("application/problem+json") == true)
            let fields = Set((response.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["key", "name", "kind", "segment", "currency"])
            response = try await send(
                client, fixture, .post, "/api/v1/offers",
                #"{"key": "vip", "name": "VIP", "kind": "offer", "segment": "report-only"}"#)
            #expect(response.status == .unprocessableContent)
            let errors = response.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["field"] as? String == "segment")
            #expect(
                (errors.first?["message"] as? String)?.contains(
                    "reporting segments may not select or personalise a contact") == true)
            response = try await send(
                client, fixture, .post, "/api/v1/offers",
                #"{"key": "vip", "name": "VIP", "kind": "offer", "segment": "report-only"}"#,
                as: .salesRep)
            #expect(response.status == .forbidden)
            response = try await send(client, fixture, .patch, "/api/v1/offers/nothing", #"{"name": "x"}"#)
            #expect(response.status == .notFound)
        }
    }
}
