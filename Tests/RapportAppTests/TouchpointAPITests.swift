import Foundation
import HummingbirdTesting
import RapportCore
import Testing

@Suite("Touchpoint registry API (R1.1)")
struct TouchpointAPITests {
    @Test func registerReadChangeAndList() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let created = try await fixture.send(
                client, .post, "/api/v1/touchpoints",
                #"{"name":"warranty-web","kind":"warranty_card","trustRank":4,"allowedAttributes":["givenName","familyName","email","postal","email"]}"#)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(id.hasPrefix("src_"))
            #expect(created.json["allowedAttributes"] as? [String] == ["givenName", "familyName", "email", "postal"])
            let read = try await fixture.send(client, .get, "/api/v1/touchpoints/\(id)", as: .readOnly)
            #expect(read.json["name"] as? String == "warranty-web")
            let patched = try await fixture.send(client, .patch, "/api/v1/touchpoints/\(id)", #"{"trustRank":3,"allowedAttributes":["phone"]}"#)
            #expect(patched.status == .ok)
            #expect(patched.json["trustRank"] as? Int == 3)
            #expect(patched.json["kind"] as? String == "warranty_card", "absent fields are kept")
            #expect(patched.json["allowedAttributes"] as? [String] == ["phone"])
            let list = try await fixture.send(client, .get, "/api/v1/touchpoints")
            #expect(list.array.contains { ($0 as? [String: Any])?["id"] as? String == id })
            let entries = try await fixture.store.audit.list(entityID: id)
            #expect(entries.map(\.action) == [.update, .create])
            #expect(entries.first?.detail == "fields: trustRank, allowedAttributes")
        }
    }

    @Test func badRegistrationsNameEveryFieldAndWriteNothing() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let before = try await fixture.count("SELECT COUNT(*) AS n FROM sources")
            let bad = try await fixture.send(
                client, .post, "/api/v1/touchpoints", #"{"name":"Web Shop!","kind":"fax","trustRank":0,"allowedAttributes":["email","shoeSize"]}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(fields(bad.json) == ["name", "kind", "trustRank", "allowedAttributes[1]"])
            let missing = try await fixture.send(client, .post, "/api/v1/touchpoints", "{}")
            #expect(fields(missing.json) == ["name", "kind", "trustRank"])
            let wrongType = try await fixture.send(client, .post, "/api/v1/touchpoints", #"{"name":"x1","kind":"web","trustRank":"high"}"#)
            #expect(wrongType.status == .badRequest)
            #expect(fields(wrongType.json) == ["trustRank"])
            _ = try await fixture.registerTouchpoint(client, name: "shop-one")
            let taken = try await fixture.send(client, .post, "/api/v1/touchpoints", #"{"name":"shop-one","kind":"web","trustRank":1}"#)
            #expect(taken.status == .conflict)
            #expect(fields(taken.json) == ["name"])
            let other = try await fixture.registerTouchpoint(client, name: "shop-two")
            let rename = try await fixture.send(client, .patch, "/api/v1/touchpoints/\(other)", #"{"name":"shop-one"}"#)
            #expect(rename.status == .conflict)
            let badPatch = try await fixture.send(client, .patch, "/api/v1/touchpoints/\(other)", #"{"trustRank":101,"allowedAttributes":["nope"]}"#)
            #expect(fields(badPatch.json) == ["trustRank", "allowedAttributes[0]"])
            let unknown = try await fixture.send(client, .patch, "/api/v1/touchpoints/src_01AAAAAAAAAAAAAAAAAAAAAAAA", #"{"trustRank":1}"#)
            #expect(unknown.status == .notFound)
            #expect(try await fixture.count("SELECT COUNT(*) AS n FROM sources") == before + 2)
            let forbidden = try await fixture.send(client, .post, "/api/v1/touchpoints", #"{"name":"sneaky","kind":"web","trustRank":1}"#, as: .salesManager)
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test func aDefinedCustomAttributeMayBeAllowed() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let defined = try await fixture.send(client, .post, "/api/v1/attributes", #"{"key":"shoe_size","label":"Shoe size","type":"number"}"#)
            #expect(defined.status == .created)
            let created = try await fixture.send(
                client, .post, "/api/v1/touchpoints", #"{"name":"shoe-shop","kind":"point_of_sale","trustRank":2,"allowedAttributes":["email","shoe_size"]}"#)
            #expect(created.status == .created)
        }
    }
}
