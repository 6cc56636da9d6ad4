import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Value per group over the API and on the pages (R4.1, R4.2, R4.4)")
struct ValueAPITests {
    let web = WebTests()

    /// A dynamic segment of everyone in Poland, made through the API.
    func makeSegment(_ client: any TestClientProtocol, _ fixture: AppFixture) async throws {
        try await client.execute(
            uri: "/api/v1/segments", method: .post, headers: fixture.headers(),
            body: ByteBuffer(string: #"{"key":"poles","name":"Poles","rule":"country = \"PL\""}"#)
        ) { #expect($0.status == .created) }
    }

    @Test("R4.2 a segment's value with its NPV table; assumptions set, refused with fields named, reset")
    func segmentValue() async throws {
        try await AppFixture.run(people: 120) { client, fixture in
            try await makeSegment(client, fixture)
            try await client.execute(
                uri: "/api/v1/segments/poles/value-assumptions", method: .put, headers: fixture.headers(.marketer),
                body: ByteBuffer(string: #"{"retentionRates":[0.6,1.4],"discountRate":"high","years":0}"#)
            ) { response in
                #expect(response.status == .badRequest || response.status == .unprocessableContent, "\(response.body.text)")
            }
            try await client.execute(
                uri: "/api/v1/segments/poles/value-assumptions", method: .put, headers: fixture.headers(.marketer),
                body: ByteBuffer(string: #"{"retentionRates":[0.6,1.4],"years":0}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let fields = (response.body.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
                #expect(Set(fields ?? []) == ["retentionRates[1]", "years"])
            }
            try await client.execute(
                uri: "/api/v1/segments/poles/value-assumptions", method: .put, headers: fixture.headers(.marketer),
                body: ByteBuffer(string: #"{"retentionRates":[0.6,0.7],"discountRate":0.08,"years":4,"acquisitionCost":{"PLN":25}}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.json["configured"] as? Bool == true)
            }
            try await client.execute(uri: "/api/v1/segments/poles/value", method: .get, headers: fixture.headers(.analyst)) {
                response in
                #expect(response.status == .ok)
                let body = response.body.json
                let currencies = try #require(body["currencies"] as? [[String: Any]])
                #expect(!currencies.isEmpty)
                let pln = try #require(currencies.first { $0["currency"] as? String == "PLN" })
                let table = try #require((pln["lifetimeValue"] as? [String: Any])?["table"] as? [String: Any])
                #expect((table["years"] as? [Any])?.count == 4)
                let inputs = try #require((pln["lifetimeValue"] as? [String: Any])?["inputs"] as? [[String: Any]])
                let retention = inputs.first { $0["name"] as? String == "retention rates" }
                #expect(retention?["origin"] as? String == "configured")
                #expect((retention?["values"] as? [Double]) == [0.6, 0.7])
                #expect(((body["historic"] as? [String: Any])?["currencies"] as? [Any])?.isEmpty == false)
            }
            try await client.execute(
                uri: "/api/v1/segments/poles/value-assumptions", method: .delete, headers: fixture.headers(.marketer)
            ) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/v1/segments/poles/value", method: .get, headers: fixture.headers()) {
                #expect(($0.body.json["assumptions"] as? [String: Any])?["configured"] as? Bool == false)
            }
        }
    }

    @Test("R4.1 household and organisation value, a person's NPV and everyone's drivers over the API")
    func groupsAndPeople() async throws {
        try await AppFixture.run(people: 120) { client, fixture in
            let household = try await fixture.anyID("households")
            try await client.execute(uri: "/api/v1/households/\(household)/value", method: .get, headers: fixture.headers()) {
                #expect($0.status == .ok)
                #expect($0.body.json["currencies"] is [Any])
            }
            try await client.execute(uri: "/api/v1/value/assumptions", method: .put, headers: fixture.headers(.analyst),
                body: ByteBuffer(string: #"{"retentionRates":[0.5]}"#)) { #expect($0.status == .ok) }
            let buyer = try await fixture.store.database.sql.raw(
                "SELECT person_id FROM customer_metrics WHERE orders > 0 ORDER BY person_id LIMIT 1"
            ).first()!.decode(column: "person_id", as: String.self)
            try await client.execute(uri: "/api/v1/people/\(buyer)/lifetime-value", method: .get, headers: fixture.headers()) {
                response in
                #expect(response.status == .ok)
                let body = response.body.json
                #expect((body["basis"] as? String)?.hasPrefix("everyone buying in") == true)
                #expect(((body["lifetimeValue"] as? [String: Any])?["table"] as? [String: Any])?["lifetimeValue"] is Double)
            }
            try await client.execute(uri: "/api/v1/value/lifetime", method: .get, headers: fixture.headers(.marketer)) {
                #expect($0.status == .ok)
                #expect(($0.body.json["currencies"] as? [Any])?.isEmpty == false)
                #expect(($0.body.json["assumptions"] as? [String: Any])?["configured"] as? Bool == true)
            }
        }
    }

    @Test("R4.2 the segment page lays out value and NPV, takes assumptions as a form, and the 360 shows a person's NPV")
    func pages() async throws {
        try await AppFixture.run(people: 120) { client, fixture in
            try await makeSegment(client, fixture)
            let cookie = try await web.signIn(client, as: "u.marketer")
            let page = try await client.execute(uri: "/segments/poles", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .ok)
                return $0.body.text
            }
            #expect(page.contains("id=\"value\"") && page.contains("historic-value") && page.contains("Margin per customer per month"))
            let csrf = String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
            var headers = web.formHeaders
            headers[.cookie] = cookie
            try await client.execute(
                uri: "/segments/poles/value-assumptions", method: .post, headers: headers,
                body: web.form(["csrf": csrf, "retentionRates": "60, 170", "discountRate": "ten", "years": "5"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("retentionRates[1]") && response.body.text.contains("discountRate"), "\(response.body.text.split(separator: "\n").filter { $0.contains("alert") || $0.contains("error") })")
            }
            try await client.execute(
                uri: "/segments/poles/value-assumptions", method: .post, headers: headers,
                body: web.form(["csrf": csrf, "retentionRates": "60, 70", "discountRate": "10", "years": "3", "acquisitionCost": "150 PLN, 12.5 USD"])
            ) { #expect($0.status == .seeOther) }
            let updated = try await client.execute(uri: "/segments/poles", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(updated.contains("class=\"list npv\"") && updated.contains("value=\"60, 70\""))
            #expect(updated.contains("value=\"150 PLN, 12.5 USD\""))
            #expect(updated.contains("Use the default assumptions again"))

            let person = try await fixture.store.database.sql.raw(
                "SELECT m.person_id FROM customer_metrics m JOIN people p ON p.id = m.person_id WHERE m.orders > 0 AND p.country = 'PL' ORDER BY m.person_id LIMIT 1"
            ).first()!.decode(column: "person_id", as: String.self)
            let customer = try await client.execute(uri: "/customers/\(person)", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(customer.contains("id=\"person-lifetime-value\""))
            #expect(customer.contains("segment Poles"))
            try await client.execute(uri: "/value", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains("value-card"))
            }
        }
    }
}
