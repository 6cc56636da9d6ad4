import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Web UI: the segment builder, segment pages and segments on the 360 page (R3.2, R3.4)")
struct SegmentWebTests {
    let web = WebTests()

    func headers(_ cookie: String) -> HTTPFields {
        var headers = web.formHeaders
        headers[.cookie] = cookie
        return headers
    }

    func csrf(_ client: any TestClientProtocol, _ cookie: String) async throws -> String {
        let page = try await client.execute(uri: "/segments/new", method: .get, headers: [.cookie: cookie]) {
            $0.body.text
        }
        #expect(page.contains("id=\"segment-builder\""))
        #expect(page.contains("<code>attr.") || page.contains("<code>spend</code>"), "the builder lists the fields")
        return String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
    }

    @Test func theBuilderPreviewsWithoutJavaScriptAndSaves() async throws {
        try await AppFixture.run { client, fixture in
            let cookie = try await web.signIn(client, as: "u.marketer")
            let token = try await csrf(client, cookie)
            var form = [
                "csrf": token, "key": "pl-buyers", "name": "Buyers in Poland", "purpose": "contact",
                "action": "preview",
                "rule": "country = \"PL\" and\nfrequncy >= 1",
            ]
            try await client.execute(
                uri: "/segments/new", method: .post, headers: headers(cookie), body: web.form(form)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let html = response.body.text
                #expect(html.contains("class=\"rule-error\" data-line=\"2\" data-column=\"1\""), "\(html)")
                #expect(html.contains("did you mean &#39;frequency&#39;") || html.contains("did you mean 'frequency'"))
                #expect(html.contains("frequncy &gt;= 1"), "the rule comes back as typed")
            }
            form["rule"] = "country = \"PL\" and\nfrequency >= 1"
            try await client.execute(
                uri: "/segments/new", method: .post, headers: headers(cookie), body: web.form(form)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains("id=\"preview-size\""))
            }
            // What the builder's script posts while the rule is typed.
            let live = ["csrf": token, "key": "", "purpose": "contact", "rule": "spend >="]
            try await client.execute(
                uri: "/segments/preview", method: .post, headers: headers(cookie), body: web.form(live)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let errors = response.body.json["errors"] as? [[String: Any]]
                #expect(errors?.first?["line"] as? Int == 1)
            }
            try await client.execute(
                uri: "/segments/preview", method: .post, headers: headers(cookie),
                body: web.form(["csrf": token, "rule": "frequency >= 1"])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.json["size"] as? String != nil)
            }
            try await client.execute(
                uri: "/segments/preview", method: .post, headers: headers(cookie),
                body: web.form(["rule": "frequency >= 1"])
            ) {
                #expect($0.status == .forbidden, "the script must send the session's CSRF token")
            }
            form["action"] = "save"
            try await client.execute(
                uri: "/segments/new", method: .post, headers: headers(cookie), body: web.form(form)
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/segments/pl-buyers")
            }
            let member = try await fixture.store.segments.members(of: "pl-buyers", cursor: nil, limit: 1, by: .system)
                .items.first
            let person = try #require(member)
            try await client.execute(uri: "/segments/pl-buyers", method: .get, headers: [.cookie: cookie]) { response in
                let html = response.body.text
                #expect(html.contains("<h1 class=\"segment-name\">Buyers in Poland</h1>"))
                #expect(html.contains("href=\"/customers/\(person.id)\""))
                #expect(html.contains("id=\"freeze-segment\""))
            }
            try await client.execute(uri: "/customers/\(person.id)", method: .get, headers: [.cookie: cookie]) {
                response in
                let html = response.body.text
                #expect(html.contains("id=\"segments\""))
                #expect(html.contains("<a href=\"/segments/pl-buyers\">Buyers in Poland</a>"))
            }
            try await client.execute(uri: "/segments", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.body.text.contains("href=\"/segments/pl-buyers\""))
            }
            try await client.execute(uri: "/segments/pl-buyers/edit", method: .get, headers: [.cookie: cookie]) {
                response in
                #expect(response.body.text.contains("frequency &gt;= 1</textarea>"))
            }
            var edit = form
            edit["rule"] = "country = \"PL\" and frequency >= 2"
            edit["key"] = "ignored"
            try await client.execute(
                uri: "/segments/pl-buyers/edit", method: .post, headers: headers(cookie), body: web.form(edit)
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/segments/pl-buyers")
            }
            #expect(
                try await fixture.store.segments.find("pl-buyers").ruleText == #"country = "PL" and frequency >= 2"#)
            try await client.execute(
                uri: "/segments/pl-buyers/freeze", method: .post, headers: headers(cookie),
                body: web.form(["csrf": token])
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/segments/pl-buyers-") == true)
            }
        }
    }

    @Test func readersSeeSegmentsButCannotBuildThem() async throws {
        try await AppFixture.run { client, fixture in
            _ = try await fixture.store.segments.create(
                try SegmentDraft(key: "everyone", name: "Everyone").validated(),
                rule: try SegmentRuleRejection.parse("frequency >= 0"),
                by: .system)
            let cookie = try await web.signIn(client, as: "u.sales_rep")
            try await client.execute(uri: "/segments/everyone", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(!response.body.text.contains("id=\"freeze-segment\""))
            }
            try await client.execute(uri: "/segments/new", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/customers", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.body.text.contains("href=\"/segments\""), "the navigation lists segments")
            }
        }
    }
}
