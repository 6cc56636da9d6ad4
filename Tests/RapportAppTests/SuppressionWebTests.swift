import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Web UI: the suppressions panel of the 360, /admin/suppressions and /marts (R1.10)")
struct SuppressionWebTests {
    let web = WebTests()

    func headers(_ cookie: String) -> HTTPFields {
        var headers = web.formHeaders
        headers[.cookie] = cookie
        return headers
    }

    // MARK: Tests

    @Test func aServiceAgentSuppressesOnThe360AndLiftsAgain() async throws {
        try await AppFixture.run { client, fixture in
            let person = try await fixture.store.database.sql.raw(
                "SELECT id FROM people WHERE status = 'active' ORDER BY id LIMIT 1"
            ).first()!.decode(column: "id", as: String.self)
            let readOnly = try await web.signIn(client, as: "u.read_only")
            let plain = try await client.execute(uri: "/customers/\(person)", method: .get, headers: [.cookie: readOnly]) {
                $0.body.text
            }
            #expect(plain.contains("<h2>Suppressions</h2>") && !plain.contains("class=\"suppress-form\""))
            let cookie = try await web.signIn(client, as: "u.service_agent")
            let page = try await client.execute(uri: "/customers/\(person)", method: .get, headers: [.cookie: cookie]) {
                $0.body.text
            }
            #expect(page.contains("class=\"suppress-form\""))
            let token = String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
            try await client.execute(
                uri: "/customers/\(person)/suppressions", method: .post, headers: headers(cookie),
                body: web.form(["csrf": token, "reason": "other", "note": ""])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("data-field=\"note\""))
            }
            try await client.execute(
                uri: "/customers/\(person)/suppressions", method: .post, headers: headers(cookie),
                body: web.form(["csrf": token, "reason": "deceased"])
            ) { #expect($0.status == .seeOther) }
            let suppressed = try await client.execute(uri: "/customers/\(person)", method: .get, headers: [.cookie: cookie]) {
                $0.body.text
            }
            #expect(suppressed.contains("Suppressed: deceased"))
            let id = String(try #require(suppressed.firstMatch(of: /action="\/suppressions\/(sup_[^"\/]+)\/lift"/)?.1))
            let list = try await client.execute(uri: "/admin/suppressions?reason=deceased", method: .get, headers: [.cookie: cookie]) {
                $0.body.text
            }
            #expect(list.contains("/customers/\(person)#suppressions"))
            try await client.execute(
                uri: "/suppressions/\(id)/lift", method: .post, headers: headers(cookie), body: web.form(["csrf": token])
            ) { #expect($0.status == .seeOther) }
            let lifted = try await client.execute(uri: "/customers/\(person)", method: .get, headers: [.cookie: cookie]) {
                $0.body.text
            }
            #expect(!lifted.contains("Suppressed: deceased") && lifted.contains("lifted "))
        }
    }

    @Test func anAnalystDefinesAMartOnTheFormAndDownloadsIt() async throws {
        try await AppFixture.run { client, fixture in
            let cookie = try await web.signIn(client, as: "u.analyst")
            let page = try await client.execute(uri: "/marts", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(page.contains("id=\"mart-form\""))
            let token = String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
            var form = ["csrf": token, "key": "pl", "name": "Poland", "rules": "spnd > 1", "include_purchases": "on"]
            try await client.execute(uri: "/marts", method: .post, headers: headers(cookie), body: web.form(form)) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("line 1, column 1"))
                #expect(response.body.text.contains("value=\"Poland\""), "the form comes back filled in")
            }
            form["rules"] = #"country = "PL""#
            form["action"] = "count"
            try await client.execute(uri: "/marts", method: .post, headers: headers(cookie), body: web.form(form)) {
                #expect($0.body.text.contains("people now"))
                #expect($0.body.text.contains("name=\"include_purchases\" checked"))
            }
            form["action"] = "save"
            try await client.execute(uri: "/marts", method: .post, headers: headers(cookie), body: web.form(form)) {
                #expect($0.status == .seeOther)
            }
            let saved = try await client.execute(uri: "/marts", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(saved.contains("href=\"/marts/pl/export.csv?part=purchases\""))
            try await client.execute(uri: "/marts/pl/export.csv?part=purchases", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .ok)
                #expect($0.body.text.hasPrefix("person_id,purchase_id"))
            }

            // Changing it: the same form, filled in, posted to the mart's own address.
            #expect(saved.contains("href=\"/marts?edit=pl\""))
            let edit = try await client.execute(uri: "/marts?edit=pl", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(edit.contains("action=\"/marts/pl\"") && edit.contains("Change data mart pl"))
            #expect(edit.contains("value=\"Poland\"") && edit.contains("name=\"include_purchases\" checked"))
            let change = ["csrf": token, "name": "Poland, interactions", "rules": "spnd > 1", "include_interactions": "on"]
            try await client.execute(uri: "/marts/pl", method: .post, headers: headers(cookie), body: web.form(change)) {
                #expect($0.status == .unprocessableContent, "a broken rule changes nothing")
                #expect($0.body.text.contains("action=\"/marts/pl\""))
            }
            #expect(try await fixture.store.dataMarts.find("pl").rules == #"country = "PL""#)
            var fixed = change
            fixed["rules"] = #"country = "PL" and spend >= 0"#
            try await client.execute(uri: "/marts/pl", method: .post, headers: headers(cookie), body: web.form(fixed)) {
                #expect($0.status == .seeOther)
            }
            let changed = try await fixture.store.dataMarts.find("pl")
            #expect(changed.name == "Poland, interactions" && changed.includes == [.interactions])
            #expect(changed.rules == #"country = "PL" and spend >= 0"#)
            try await client.execute(uri: "/marts?edit=nope", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .notFound)
            }
        }
    }
}
