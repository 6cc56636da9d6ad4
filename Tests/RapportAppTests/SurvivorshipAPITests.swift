import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Survivorship over the API and on the pages (R1.3)")
struct SurvivorshipAPITests {
    let admin = AdminWebTests()

    /// Two touchpoints send conflicting names for one person (same e-mail); returns the person's ID.
    func conflictingPerson(_ client: any TestClientProtocol, _ fixture: AppFixture) async throws -> String {
        func register(_ name: String, rank: Int) async throws -> String {
            let response = try await fixture.send(
                client, .post, "/api/v1/touchpoints",
                #"{"name":"\#(name)","kind":"web","trustRank":\#(rank),"allowedAttributes":[]}"#)
            return try #require(response.json["id"] as? String, "\(response.json)")
        }
        let web = try await register("golden-web", rank: 1)
        let calls = try await register("golden-calls", rank: 3)
        let first = try await fixture.send(
            client, .post, "/api/v1/touchpoints/\(web)/records",
            #"{"givenName":"Marta","familyName":"Wiśniewska","email":"marta.w@example.pl"}"#)
        try await Task.sleep(for: .milliseconds(5))
        let second = try await fixture.send(
            client, .post, "/api/v1/touchpoints/\(calls)/records",
            #"{"givenName":"Martha","familyName":"Wisniewska-Kot","email":"marta.w@example.pl"}"#)
        #expect(second.status == .ok, "matched: \(second.json)")
        return try #require(first.json["personID"] as? String, "\(first.json)")
    }

    func goldenValue(_ json: [String: Any], _ attribute: String) -> [String: Any] {
        (json["attributes"] as? [[String: Any]] ?? []).first { $0["attribute"] as? String == attribute } ?? [:]
    }

    // MARK: Tests

    @Test func goldenExplainsEachValueAndARuleChangeRecomputesIt() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let id = try await conflictingPerson(client, fixture)
            var golden = try await fixture.send(client, .get, "/api/v1/people/\(id)/golden", as: .serviceAgent)
            #expect(golden.status == .ok)
            var given = goldenValue(golden.json, "givenName")
            #expect(given["value"] as? String == "Marta")
            #expect(given["sourceName"] as? String == "golden-web")
            #expect(given["rule"] as? String == "trusted_source")
            #expect(given["reason"] as? String == "golden-web (trust 1) outranks golden-calls (trust 3).")
            #expect((given["candidates"] as? [[String: Any]])?.count == 2)
            #expect(given["rawRecordID"] is String)

            let policy = try await fixture.send(client, .get, "/api/v1/survivorship", as: .serviceAgent)
            #expect(policy.status == .ok)
            #expect((policy.json["default"] as? [String: Any])?["rule"] as? String == "trusted_source")
            #expect((policy.json["effective"] as? [[String: Any]])?.count == 8)

            let changed = try await fixture.send(client, .put, "/api/v1/survivorship/givenName", #"{"rule":"most_recent"}"#)
            #expect(changed.status == .ok)
            #expect((changed.json["recompute"] as? [String: Any])?["changed"] as? Int == 1)
            golden = try await fixture.send(client, .get, "/api/v1/people/\(id)/golden")
            given = goldenValue(golden.json, "givenName")
            #expect(given["value"] as? String == "Martha")
            #expect(given["sourceName"] as? String == "golden-calls")
            #expect((given["reason"] as? String)?.hasPrefix("golden-calls's value is the most recent") == true)
            let person = try await fixture.send(client, .get, "/api/v1/people/\(id)/360")
            #expect((person.json["person"] as? [String: Any])?["givenName"] as? String == "Martha")
            #expect((person.json["golden"] as? [Any])?.isEmpty == false)

            let whole = try await fixture.send(
                client, .put, "/api/v1/survivorship", #"{"default":{"rule":"most_recent"},"attributes":{}}"#)
            #expect(whole.status == .ok)
            #expect((whole.json["recompute"] as? [String: Any])?["changed"] as? Int == 1)
            let family = goldenValue(try await fixture.send(client, .get, "/api/v1/people/\(id)/golden").json, "familyName")
            #expect(family["value"] as? String == "Wisniewska-Kot")

            let audit = try await fixture.store.audit.list(entityID: id)
            #expect(audit.contains { $0.action == .read && $0.detail == "golden profile" })
        }
    }

    @Test func badRulesAreRefusedNamingTheAttributeAndField() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let bad = try await fixture.send(client, .put, "/api/v1/survivorship/email", #"{"rule":"newest"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(fields(bad.json) == ["attributes.email.rule"])
            let unknown = try await fixture.send(
                client, .put, "/api/v1/survivorship", #"{"attributes":{"shoeSize":{"rule":"majority"}}}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(fields(unknown.json) == ["attributes.shoeSize"])
            let flag = try await fixture.send(
                client, .put, "/api/v1/survivorship/default", #"{"rule":"majority","ignoresEmptyValues":"no"}"#)
            #expect(fields(flag.json) == ["default.ignoresEmptyValues"])
            let missing = try await fixture.send(client, .put, "/api/v1/survivorship/shoeSize", #"{"rule":"majority"}"#)
            #expect(missing.status == .notFound)
            let refused = try await fixture.send(client, .put, "/api/v1/survivorship", "{}", as: .marketer)
            #expect(refused.status == .forbidden)
            #expect(try await fixture.store.survivorship.policy() == .standard)
        }
    }

    @Test func the360PageShowsWhereEachValueComesFromAndTheAdminPageChangesARule() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let id = try await conflictingPerson(client, fixture)
            let cookie = try await admin.web.signIn(client)
            var page = try await admin.get(client, "/customers/\(id)", cookie: cookie)
            #expect(page.contains("Where each value comes from"))
            let row = try #require(page.firstMatch(of: /id="golden-givenName">(?s)(.*?)<\/tr>/)?.1)
            #expect(row.contains("Marta"))
            #expect(row.contains("golden-web · trust 1"))
            #expect(row.contains("golden-web (trust 1) outranks golden-calls (trust 3)."))

            let rules = try await admin.get(client, "/admin/survivorship", cookie: cookie)
            #expect(rules.contains("id=\"rule-givenName\""))
            #expect(rules.contains("href=\"/admin\" class=\"active\""), "the bar marks Administration as where we are")
            let token = try admin.csrf(in: rules)
            let bad = try await admin.post(
                client, "/admin/survivorship", ["attribute": "givenName", "rule": "newest"], cookie: cookie, csrf: token)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("rule: Choose one of"))
            let saved = try await admin.post(
                client, "/admin/survivorship", ["attribute": "givenName", "rule": "most_recent", "ignoreEmpty": "on"],
                cookie: cookie, csrf: token)
            #expect(saved.status == .ok)
            #expect(saved.html.contains("Given name: Most recent."))
            #expect(saved.html.contains("golden profiles; 1 changed."))
            page = try await admin.get(client, "/customers/\(id)", cookie: cookie)
            #expect(page.contains("<h1 class=\"person-name\">Martha Wiśniewska</h1>"))
            let again = try await admin.post(client, "/admin/survivorship/recompute", [:], cookie: cookie, csrf: token)
            #expect(again.html.contains("golden profiles; 0 changed."))
        }
    }
}
