import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Web UI for administrators: /admin/webhooks and /admin/users (R10.2, R10.1)")
struct AdminWebTests {
    let web = WebTests()

    /// Posts a form with the session's CSRF token.
    func post(
        _ client: any TestClientProtocol, _ uri: String, _ fields: [String: String], cookie: String, csrf: String
    ) async throws -> (status: HTTPResponse.Status, html: String, location: String?) {
        var headers = web.formHeaders
        headers[.cookie] = cookie
        var body = fields
        body["csrf"] = csrf
        return try await client.execute(uri: uri, method: .post, headers: headers, body: web.form(body)) {
            ($0.status, $0.body.text, $0.headers[.location])
        }
    }

    func get(_ client: any TestClientProtocol, _ uri: String, cookie: String) async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { $0.body.text }
    }

    func csrf(in html: String) throws -> String {
        String(try #require(html.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
    }

    // MARK: Tests

    @Test func webhooksPageCreatesShowsTheSecretOnceListsDeliveriesAndDeactivates() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let cookie = try await web.signIn(client)
            let empty = try await get(client, "/admin/webhooks", cookie: cookie)
            #expect(empty.contains("No subscriptions yet."))
            #expect(empty.contains("href=\"/admin\" class=\"active\""), "the bar marks Administration as where we are")
            let token = try csrf(in: empty)

            let bad = try await post(client, "/admin/webhooks", ["url": "ftp://x.example"], cookie: cookie, csrf: token)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("id=\"webhook-errors\""))

            let created = try await post(
                client, "/admin/webhooks", ["url": "https://receiver.example.com/hook", "event.person.created": "on"],
                cookie: cookie, csrf: token)
            #expect(created.status == .created)
            let secret = String(try #require(created.html.firstMatch(of: /(whsec_[A-Za-z0-9_-]+)/)?.1))
            let subscription = try #require(try await fixture.store.webhooks.list().first)
            #expect(subscription.events == [.personCreated])

            let person = try PersonDraft(givenName: "Ada", familyName: "Lovelace").validated(
                id: fixture.store.ids.make(), now: Date())
            try await fixture.store.people.insert(person, by: .system)
            let listed = try await get(client, "/admin/webhooks", cookie: cookie)
            #expect(!listed.contains(secret), "the secret is shown once")
            #expect(listed.contains("person.created: <strong>pending</strong>"))

            let off = try await post(
                client, "/admin/webhooks/\(subscription.id)/active", ["active": "0"], cookie: cookie, csrf: token)
            #expect(off.status == .seeOther)
            #expect(try await fixture.store.webhooks.find(subscription.id).active == false)
            #expect(try await get(client, "/admin/webhooks", cookie: cookie).contains("<strong>cancelled</strong>"))
            let gone = try await post(
                client, "/admin/webhooks/\(subscription.id)/delete", [:], cookie: cookie, csrf: token)
            #expect(gone.status == .seeOther)
            #expect(try await fixture.store.webhooks.list().isEmpty)
        }
    }

    @Test func usersPageCreatesAnAccountAndIssuesAndRevokesTokens() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let cookie = try await web.signIn(client)
            let page = try await get(client, "/admin/users", cookie: cookie)
            #expect(page.contains("id=\"user-u.marketer\""))
            #expect(page.contains("href=\"/admin\" class=\"active\""), "the bar marks Administration as where we are")
            let token = try csrf(in: page)

            let taken = try await post(
                client, "/admin/users", ["username": "u.host", "role": "host"], cookie: cookie, csrf: token)
            #expect(taken.status == .unprocessableContent)
            let created = try await post(
                client, "/admin/users", ["username": "new.analyst", "displayName": "New Analyst", "role": "analyst"],
                cookie: cookie, csrf: token)
            #expect(created.status == .created)
            let password = String(
                try #require(
                    created.html.firstMatch(of: /id="new-user-password"[\s\S]*?<code class="secret">([^<]+)</)?.1))
            let user = try #require(try await fixture.store.users.list().first { $0.username == "new.analyst" })
            #expect(user.role == .analyst)
            try await client.execute(
                uri: "/login", method: .post, headers: web.formHeaders,
                body: web.form(["username": "new.analyst", "password": password, "next": "/"])
            ) { #expect($0.status == .seeOther, "the generated password signs in") }

            let issued = try await post(
                client, "/admin/users/\(user.id)/tokens", ["name": "reporting"], cookie: cookie, csrf: token)
            #expect(issued.status == .created)
            let apiToken = String(try #require(issued.html.firstMatch(of: /(rpt_[A-Za-z0-9_-]+)/)?.1))
            let bearer: HTTPFields = [.authorization: "Bearer \(apiToken)"]
            try await client.execute(uri: "/api/v1/people", method: .get, headers: bearer) { #expect($0.status == .ok) }

            let record = try #require(try await fixture.store.users.tokens().first { $0.userID == user.id })
            let revoked = try await post(client, "/admin/tokens/\(record.id)/revoke", [:], cookie: cookie, csrf: token)
            #expect(revoked.status == .seeOther)
            try await client.execute(uri: "/api/v1/people", method: .get, headers: bearer) {
                #expect($0.status == .unauthorized)
            }
            let after = try await get(client, "/admin/users", cookie: cookie)
            #expect(after.contains("revoked"))
            #expect(!after.contains(apiToken) && !after.contains(password))
        }
    }
}
