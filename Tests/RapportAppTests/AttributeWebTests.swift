import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Web UI: runtime attributes are listed and defined (R3.1)")
struct AttributeWebTests {
    let web = WebTests()

    @Test func aMarketerDefinesAnAttributeAndBadKeysAreNamed() async throws {
        try await AppFixture.run { client, _ in
            let cookie = try await web.signIn(client, as: "u.marketer")
            let page = try await client.execute(uri: "/attributes", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(page.contains("id=\"define-attribute\""))
            let csrf = String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
            var headers = web.formHeaders
            headers[.cookie] = cookie
            try await client.execute(
                uri: "/attributes", method: .post, headers: headers,
                body: web.form(["csrf": csrf, "key": "Shoe Size", "label": "", "type": "number"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let html = response.body.text
                #expect(html.contains("key: key &#39;Shoe Size&#39; must be snake_case") || html.contains("must be snake_case"))
                #expect(html.contains("label: label is required."))
            }
            try await client.execute(
                uri: "/attributes", method: .post, headers: headers,
                body: web.form([
                    "csrf": csrf, "key": "favourite_colour", "label": "Favourite colour", "type": "choice",
                    "choices": "red, green, blue", "purpose": "contact",
                ])
            ) { #expect($0.status == .seeOther) }
            let list = try await client.execute(uri: "/attributes", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(list.contains("<code>favourite_colour</code>") && list.contains("red, green, blue"))
        }
    }

    @Test func readersSeeTheListWithoutTheForm() async throws {
        try await AppFixture.run { client, _ in
            let cookie = try await web.signIn(client, as: "u.read_only")
            try await client.execute(uri: "/attributes", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains("id=\"attribute-definitions\""))
                #expect(!response.body.text.contains("id=\"define-attribute\""))
            }
        }
    }
}
