import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Web UI: the clerical-review queue and the 360's merges panel (R1.7)")
struct ReviewWebTests {
    @Test func theReviewPageShowsTheEvidenceAndAcceptMerges() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let f = IdentityFixture(store: fixture.store)
            let older = try await f.person("Anna", "Nowak", birth: "1980-04-02")
            let newer = try await f.person("Anna", "Nowack")
            let review = try await f.review(newer, older, probability: 0.9)
            let web = WebTests()
            let cookie = try await web.signIn(client)
            let list = try await client.execute(uri: "/reviews", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(list.contains("/reviews/\(review)") && list.contains("90.00 %") && list.contains(#"href="/admin" class="active""#))
            let page = try await client.execute(uri: "/reviews/\(review)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                return response.body.text
            }
            for text in ["given_name", "nowack", "jaro-winkler &gt;= 0.92", "+6.50", "adjusted", "-9.50", "+3.25", "1980-04-02", "Accept"] {
                #expect(page.contains(text), "the review page shows \(text)")
            }
            let csrf = String(try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1))
            var headers = web.formHeaders
            headers[.cookie] = cookie
            try await client.execute(
                uri: "/reviews/\(review)/accept", method: .post, headers: headers, body: web.form(["csrf": csrf, "note": "same"])
            ) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/customers/\(older)")
            }
            try await client.execute(uri: "/customers/\(newer)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/customers/\(older)?mergedFrom=\(newer)")
            }
            let survivor = try await client.execute(
                uri: "/customers/\(older)?mergedFrom=\(newer)", method: .get, headers: [.cookie: cookie]
            ) { $0.body.text }
            #expect(survivor.contains(#"id="merges""#) && survivor.contains("review accepted") && survivor.contains("Unmerge"))
            #expect(survivor.contains("which was merged into this person"))
            let mergeID = try await fixture.store.merges.history(of: older, by: .system)[0].id
            try await client.execute(
                uri: "/merges/\(mergeID)/unmerge", method: .post, headers: headers, body: web.form(["csrf": csrf])
            ) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await fixture.store.people.find(newer, by: .system).status == .active)
            let analyst = try await web.signIn(client, as: "u.analyst")
            let plain = try await client.execute(uri: "/customers/\(older)", method: .get, headers: [.cookie: analyst]) { $0.body.text }
            #expect(!plain.contains(#"id="merges""#) && !plain.contains(#"href="/reviews""#))
        }
    }
}
