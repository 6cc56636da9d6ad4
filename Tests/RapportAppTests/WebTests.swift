import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import RapportApp
import RapportCore
import Testing

@Suite("Web UI: login, CSRF, customer pages (R10.4, R1.11)")
struct WebTests {
    func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&"))
    }

    var formHeaders: HTTPFields { [.contentType: "application/x-www-form-urlencoded"] }

    /// Signs in and returns the session cookie header value.
    func signIn(_ client: any TestClientProtocol, as username: String = "u.administrator") async throws -> String {
        try await client.execute(
            uri: "/login", method: .post, headers: formHeaders,
            body: form(["username": username, "password": AppFixture.password, "next": "/customers"])
        ) { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/customers")
            let cookie = response.headers[.setCookie] ?? ""
            #expect(cookie.contains("HttpOnly"))
            return String(cookie.split(separator: ";")[0])
        }
    }

    @Test func pagesNeedASession() async throws {
        try await AppFixture.run { client, _ in
            try await client.execute(uri: "/customers", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/login") == true)
            }
            try await client.execute(uri: "/login", method: .get) { #expect($0.body.text.contains("id=\"login-submit\"")) }
        }
    }

    @Test func searchAndThe360PageShowTheCustomer() async throws {
        try await AppFixture.run { client, fixture in
            let cookie = try await signIn(client)
            let person = try await fixture.store.customers.view(of: PersonID(rawValue: try await fixture.anyPersonID()), by: .system).person
            let surname = (person.familyName ?? person.givenName)!
            try await client.execute(uri: "/customers?q=\(surname.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains("href=\"/customers/\(person.id)\">\(person.displayName)</a>"))
            }
            let plusEncoded = person.displayName.split(separator: " ").map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }.joined(separator: "+")
            try await client.execute(uri: "/customers?q=\(plusEncoded)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.body.text.contains("href=\"/customers/\(person.id)\""), "full-name search as a browser form sends it")
            }
            try await client.execute(uri: "/customers/\(person.id)", method: .get, headers: [.cookie: cookie]) { response in
                let html = response.body.text
                #expect(html.contains("<h1 class=\"person-name\">\(person.displayName)</h1>"))
                for section in ["contact-points", "household", "organisations", "purchases", "interactions"] {
                    #expect(html.contains("id=\"\(section)\""), "section \(section)")
                }
            }
            try await client.execute(uri: "/customers/per_01AAAAAAAAAAAAAAAAAAAAAAAA", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { #expect($0.body.text.contains("<svg class=\"chart\"")) }
            try await client.execute(uri: "/analytics", method: .get, headers: [.cookie: cookie]) { response in
                let html = response.body.text
                #expect(html.contains("id=\"analytics-USD\""))
                #expect(html.contains("class=\"chart-line\""))
                let share = try #require(html.firstMatch(of: /class="pareto-revenue">([0-9.]+) %/)?.1)
                #expect((Double(share) ?? 0) > 20, "the top 20 % of buyers bring more than 20 % of revenue")
            }
            try await client.execute(uri: "/admin/audit", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.body.text.contains("customer 360"))
            }
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await AppFixture.run { client, _ in
            let cookie = try await signIn(client)
            var headers = formHeaders
            headers[.cookie] = cookie
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: form(["csrf": "forged"])) { #expect($0.status == .forbidden) }
            let page = try await client.execute(uri: "/customers", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            let csrf = try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: form(["csrf": String(csrf)])) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/customers", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .seeOther) }
        }
    }

    @Test func rolesWithoutAuditRightsCannotOpenTheAuditLog() async throws {
        try await AppFixture.run { client, _ in
            let cookie = try await signIn(client, as: "u.marketer")
            try await client.execute(uri: "/admin/audit", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/customers", method: .get, headers: [.cookie: cookie]) { response in
                #expect(!response.body.text.contains("href=\"/admin/audit\""))
            }
        }
    }

    @Test func repeatedWrongPasswordsAreThrottled() async throws {
        try await AppFixture.run { client, _ in
            for _ in 0..<5 {
                try await client.execute(uri: "/login", method: .post, headers: formHeaders, body: form(["username": "u.host", "password": "wrong-password-123"])) {
                    #expect($0.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/login", method: .post, headers: formHeaders, body: form(["username": "u.host", "password": AppFixture.password])) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }
}

@Suite("Every role × every web page (R10.1)")
struct WebRoleMatrixTests {
    @Test func administrationIndexListsExactlyThePagesTheRoleMayOpen() async throws {
        try await AppFixture.run { client, _ in
            let web = WebTests()
            for role in Role.allCases {
                let cookie = try await web.signIn(client, as: "u.\(role.rawValue)")
                let permitted = PageChrome.sections.filter { $0.administration != nil && role.permissions.contains($0.permission) }
                try await client.execute(uri: "/admin", method: .get, headers: [.cookie: cookie]) { response in
                    guard !permitted.isEmpty else {
                        #expect(response.status == .forbidden, "\(role) has no administration page")
                        return
                    }
                    #expect(response.status == .ok, "\(role)")
                    let html = String(buffer: response.body)
                    for section in PageChrome.sections where section.administration != nil {
                        #expect(html.contains("href=\"\(section.href)\"") == permitted.contains { $0.href == section.href }, "\(role) \(section.href)")
                    }
                }
                try await client.execute(uri: "/customers", method: .get, headers: [.cookie: cookie]) { response in
                    guard response.status == .ok else { return }
                    let html = String(buffer: response.body)
                    #expect(html.contains("href=\"/admin\"") == !permitted.isEmpty, "\(role): the bar links the index when there is one")
                    #expect(!html.contains("<a href=\"/admin/audit\""), "\(role): administration pages are not in the top bar")
                }
            }
        }
    }


    @Test func pagesRefuseExactlyTheRolesWithoutTheirPermission() async throws {
        try await AppFixture.run { client, fixture in
            let person = try await fixture.anyID("people")
            let organisation = try await fixture.anyID("organisations")
            let pages: [(String, Permission)] = [
                ("/", .readPeople), ("/customers", .readPeople), ("/customers/\(person)", .readPeople),
                ("/organisations", .readOrganisations), ("/organisations/\(organisation)", .readOrganisations),
                ("/admin/audit", .readAudit), ("/analytics", .readAnalytics), ("/admin/quarantine", .manageTouchpoints),
                ("/segments", .readPeople), ("/segments/new", .manageSegments), ("/value", .readAnalytics), ("/offers", .readPeople),
                ("/attributes", .readPeople),
                ("/admin/webhooks", .manageWebhooks), ("/admin/users", .manageUsers),
                ("/admin/import", .manageTouchpoints), ("/admin/touchpoints", .manageTouchpoints), ("/reviews", .resolveIdentities),
                ("/admin/suppressions", .suppressPeople), ("/marts", .manageDataMarts),
                ("/admin/survivorship", .resolveIdentities),
                ("/admin/households", .resolveIdentities),
            ]
            let web = WebTests()
            for role in Role.allCases {
                let cookie = try await web.signIn(client, as: "u.\(role.rawValue)")
                for (path, permission) in pages {
                    try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
                        if role.permissions.contains(permission) {
                            #expect(response.status != .forbidden, "\(role) \(path)")
                            #expect(response.status.code < 500, "\(role) \(path)")
                        } else {
                            #expect(response.status == .forbidden, "\(role) \(path) answered \(response.status)")
                        }
                    }
                }
            }
        }
    }
}
