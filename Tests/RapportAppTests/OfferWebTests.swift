import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Web UI: the offers page and the offers and actions panel of the 360 page (R3.4)")
struct OfferWebTests {
    let web = WebTests()

    func headers(_ cookie: String) -> HTTPFields {
        var headers = web.formHeaders
        headers[.cookie] = cookie
        return headers
    }

    @Test func marketersCreateAndDeleteOffersAndThe360PageShowsThem() async throws {
        try await AppFixture.run { client, fixture in
            let person = try await fixture.anyPersonID()
            _ = try await fixture.store.segments.create(
                try SegmentDraft(key: "picked", name: "Picked few", kind: "frozen").validated(), rule: nil,
                personIDs: [PersonID(rawValue: person)], by: .system)
            let cookie = try await web.signIn(client, as: "u.marketer")
            let page = try await client.execute(uri: "/offers", method: .get, headers: [.cookie: cookie]) {
                $0.body.text
            }
            #expect(page.contains("id=\"offer-form\""))
            #expect(page.contains("<option value=\"picked\">"), "contact segments are offered as targets")
            let token = String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
            var form = [
                "csrf": token, "key": "BAD", "name": "Winter comp", "kind": "offer", "segment": "picked",
                "channel": "email", "value": "12,5", "currency": "PLN", "priority": "3", "active": "on",
            ]
            try await client.execute(uri: "/offers", method: .post, headers: headers(cookie), body: web.form(form)) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("data-field=\"key\""))
                #expect(response.body.text.contains("data-field=\"value\""))
                #expect(response.body.text.contains("value=\"Winter comp\""), "the form comes back filled in")
            }
            form["key"] = "winter_comp"
            form["value"] = "12.50"
            try await client.execute(uri: "/offers", method: .post, headers: headers(cookie), body: web.form(form)) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/customers/\(person)", method: .get, headers: [.cookie: cookie]) {
                response in
                let html = response.body.text
                #expect(html.contains("<h2>Offers and actions</h2>"))
                #expect(html.contains("<strong>Winter comp</strong> — 12.50 PLN"))
                #expect(html.contains("via <a href=\"/segments/picked\">Picked few</a>"))
            }
            try await client.execute(
                uri: "/offers/winter_comp/delete", method: .post, headers: headers(cookie),
                body: web.form(["csrf": token])
            ) { #expect($0.status == .seeOther) }
            #expect(try await fixture.store.offers.list().isEmpty)
            try await client.execute(uri: "/customers/\(person)", method: .get, headers: [.cookie: cookie]) {
                #expect($0.body.text.contains("No offer or action fits now."))
            }
        }
    }

    @Test func readersSeeOffersButCannotDefineThem() async throws {
        try await AppFixture.run { client, fixture in
            let cookie = try await web.signIn(client, as: "u.sales_rep")
            try await client.execute(uri: "/offers", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(!response.body.text.contains("id=\"offer-form\""))
                #expect(response.body.text.contains("href=\"/offers\""), "the navigation lists offers")
            }
            let page = try await client.execute(uri: "/customers", method: .get, headers: [.cookie: cookie]) {
                $0.body.text
            }
            let token = String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
            try await client.execute(
                uri: "/offers", method: .post, headers: headers(cookie), body: web.form(["csrf": token, "key": "x"])
            ) { #expect($0.status == .forbidden) }
        }
    }
}
