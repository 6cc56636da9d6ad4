import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportStore
import Testing

@Suite("Web UI: the touchpoint registry at /admin/touchpoints (R1.1)")
struct TouchpointWebTests {
    let admin = AdminWebTests()

    @Test func registersChangesAndRefusesTouchpointsFieldByField() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let cookie = try await admin.web.signIn(client)
            let page = try await admin.get(client, "/admin/touchpoints", cookie: cookie)
            let token = try admin.csrf(in: page)
            #expect(page.contains("id=\"register-touchpoint\""))

            let created = try await admin.post(
                client, "/admin/touchpoints",
                ["name": "mail-in-cards", "kind": "warranty_card", "trustRank": "40", "allow.email": "on", "allow.postal": "on"],
                cookie: cookie, csrf: token)
            #expect(created.status == .seeOther)
            let stored = try #require(try await fixture.store.sources.list().first { $0.name == "mail-in-cards" })
            #expect(stored.kind == .warrantyCard && stored.trustRank == 40 && stored.allowedAttributes == ["email", "postal"])
            let listed = try await admin.get(client, "/admin/touchpoints", cookie: cookie)
            #expect(listed.contains("id=\"touchpoint-\(stored.id)\"") && listed.contains("email, postal"))

            let taken = try await admin.post(
                client, "/admin/touchpoints", ["name": "mail-in-cards", "kind": "mail", "trustRank": "3"], cookie: cookie, csrf: token)
            #expect(taken.status == .unprocessableContent && taken.html.contains("already registered"))

            let refused = try await admin.post(
                client, "/admin/touchpoints", ["name": "Call Centre", "kind": "web", "trustRank": "0"], cookie: cookie, csrf: token)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("name: name &#39;Call Centre&#39;") || refused.html.contains("name: name 'Call Centre'"))
            #expect(refused.html.contains("trustRank: trustRank must be a whole number from 1"))
            #expect(refused.html.contains("value=\"Call Centre\""), "the refused form keeps what was typed")
            #expect(try await fixture.store.sources.list().allSatisfy { $0.name != "Call Centre" })

            let changed = try await admin.post(
                client, "/admin/touchpoints/\(stored.id)", ["kind": "warranty_card", "trustRank": "7", "allow.phone": "on"],
                cookie: cookie, csrf: token)
            #expect(changed.status == .seeOther)
            let after = try await fixture.store.sources.find(stored.id)
            #expect(after.trustRank == 7 && after.allowedAttributes == ["phone"] && after.name == "mail-in-cards")

            let badRank = try await admin.post(
                client, "/admin/touchpoints/\(stored.id)", ["kind": "warranty_card", "trustRank": "seven"], cookie: cookie, csrf: token)
            #expect(badRank.status == .unprocessableContent && badRank.html.contains("trustRank"))
            #expect(try await fixture.store.sources.find(stored.id).trustRank == 7, "a refused change writes nothing")
        }
    }
}
