import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import Testing

@Suite("JSON API under /api/v1 (R10.2)")
struct APITests {
    @Test func operationsEndpointsAnswer() async throws {
        try await AppFixture.run { client, _ in
            try await client.execute(uri: "/health", method: .get) { #expect($0.body.text == "ok") }
            try await client.execute(uri: "/ready", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await AppFixture.run { client, _ in
            for uri in ["/health", "/api/v1/people", "/login"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self';") == true, "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy]?.hasSuffix("frame-ancestors 'none'") == true, "\(uri)")
                }
            }
        }
    }

    @Test func withoutATokenTheAPIAnswers401AsProblem() async throws {
        try await AppFixture.run { client, _ in
            try await client.execute(uri: "/api/v1/people", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.body.json["code"] as? String == "unauthorized")
            }
            var bad = HTTPFields()
            bad[.authorization] = "Bearer rpt_not-a-token"
            try await client.execute(uri: "/api/v1/people", method: .get, headers: bad) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func createReadPatchAndListPeople() async throws {
        try await AppFixture.run { client, fixture in
            let body = #"{"givenName":"Agnieszka","familyName":"Wiśniewska","birthDate":"1991-03-04","country":"PL","gender":"female"}"#
            var id = ""
            try await client.execute(uri: "/api/v1/people", method: .post, headers: fixture.headers(), body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
                id = response.body.json["id"] as? String ?? ""
                #expect(response.headers[.location] == "/api/v1/people/\(id)")
            }
            try await client.execute(uri: "/api/v1/people/\(id)", method: .patch, headers: fixture.headers(), body: ByteBuffer(string: #"{"language":"pl"}"#)) {
                #expect($0.body.json["language"] as? String == "pl")
            }
            try await client.execute(uri: "/api/v1/people?q=wisniewska&limit=5", method: .get, headers: fixture.headers()) { response in
                let items = response.body.json["items"] as? [[String: Any]] ?? []
                #expect(items.contains { $0["id"] as? String == id })
            }
            try await client.execute(uri: "/api/v1/people/\(id)/360", method: .get, headers: fixture.headers()) { response in
                let person = response.body.json["person"] as? [String: Any]
                #expect(person?["familyName"] as? String == "Wiśniewska")
            }
        }
    }

    @Test func listsPageWithCursorsAndRejectBadParameters() async throws {
        try await AppFixture.run { client, fixture in
            var cursor: String?
            try await client.execute(uri: "/api/v1/people?limit=3&sort=name", method: .get, headers: fixture.headers()) { response in
                #expect((response.body.json["items"] as? [Any])?.count == 3)
                cursor = response.body.json["nextCursor"] as? String
            }
            #expect(cursor != nil)
            try await client.execute(uri: "/api/v1/people?limit=3&sort=name&cursor=\(cursor!)", method: .get, headers: fixture.headers()) {
                #expect($0.status == .ok)
            }
            for (query, field) in [("limit=0", "limit"), ("sort=shoe", "sort"), ("cursor=zzz", "cursor"), ("status=alive", "status")] {
                try await client.execute(uri: "/api/v1/people?\(query)", method: .get, headers: fixture.headers()) { response in
                    #expect(response.status == .unprocessableContent, "\(query)")
                    let errors = response.body.json["errors"] as? [[String: Any]]
                    #expect(errors?.first?["field"] as? String == field)
                }
            }
        }
    }

    @Test func badInputNamesTheFieldAndWritesNothing() async throws {
        try await AppFixture.run { client, fixture in
            let before = try await fixture.store.database.sql.raw("SELECT COUNT(*) AS n FROM people").first()!.decode(column: "n", as: Int.self)
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/api/v1/people", #"{"givenName": "Jan""#, .badRequest, "body"),
                ("/api/v1/people", #"{"givenName": 5}"#, .badRequest, "givenName"),
                ("/api/v1/people", #"{"givenName": "\#(String(repeating: "x", count: 300))"}"#, .unprocessableContent, "givenName"),
                ("/api/v1/people", #"{"familyName": "Nowak", "birthDate": "1990-02-31"}"#, .unprocessableContent, "birthDate"),
                ("/api/v1/people", #"{"familyName": "Nowak", "householdID": "hh_01AAAAAAAAAAAAAAAAAAAAAAAA"}"#, .notFound, ""),
                ("/api/v1/purchases", #"{"currency": "PLN", "lines": [{"product": "Kettle", "amount": -3}]}"#, .unprocessableContent, "personID"),
                ("/api/v1/interactions", #"{"personID": "per_01AAAAAAAAAAAAAAAAAAAAAAAA", "channel": "pigeon", "direction": "inbound", "outcome": "sale"}"#, .unprocessableContent, "channel"),
            ]
            for (uri, body, status, field) in cases {
                try await client.execute(uri: uri, method: .post, headers: fixture.headers(), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(body)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    if !field.isEmpty {
                        let fields = (response.body.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                        #expect(fields.contains(field), "\(body) → \(fields)")
                    }
                }
            }
            let invalidUTF8 = ByteBuffer(bytes: [0x7B, 0x22, 0x67, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])
            try await client.execute(uri: "/api/v1/people", method: .post, headers: fixture.headers(), body: invalidUTF8) { response in
                #expect(response.status == .unprocessableContent)
                #expect((response.body.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "invalid_utf8")
            }
            try await client.execute(uri: "/api/v1/people/per_01AAAAAAAAAAAAAAAAAAAAAAAA", method: .get, headers: fixture.headers()) {
                #expect($0.status == .notFound)
            }
            let after = try await fixture.store.database.sql.raw("SELECT COUNT(*) AS n FROM people").first()!.decode(column: "n", as: Int.self)
            #expect(after == before)
        }
    }

    @Test func duplicateAttributeKeyIsAConflict() async throws {
        try await AppFixture.run { client, fixture in
            let body = ByteBuffer(string: #"{"key":"shoe_size","label":"Shoe size","type":"number"}"#)
            try await client.execute(uri: "/api/v1/attributes", method: .post, headers: fixture.headers(), body: body) { #expect($0.status == .created) }
            try await client.execute(uri: "/api/v1/attributes", method: .post, headers: fixture.headers(), body: body) { response in
                #expect(response.status == .conflict)
                #expect((response.body.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "key")
            }
            let person = try await fixture.anyPersonID()
            try await client.execute(uri: "/api/v1/people/\(person)/attributes/shoe_size", method: .put, headers: fixture.headers(), body: ByteBuffer(string: #"{"value": 42}"#)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/people/\(person)/attributes/shoe_size", method: .put, headers: fixture.headers(), body: ByteBuffer(string: #"{"value": "big"}"#)) {
                #expect($0.status == .unprocessableContent)
            }
        }
    }
}

@Suite("People CSV import, all or nothing (R10.7)")
struct PeopleImportTests {
    func post(_ client: any TestClientProtocol, _ fixture: AppFixture, _ csv: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers = fixture.headers(json: false)
        headers[.contentType] = "text/csv"
        return try await client.execute(uri: "/api/v1/people/import", method: .post, headers: headers, body: ByteBuffer(string: csv)) {
            ($0.status, $0.body.json)
        }
    }

    func peopleCount(_ fixture: AppFixture) async throws -> Int {
        try await fixture.store.database.sql.raw("SELECT COUNT(*) AS n FROM people").first()!.decode(column: "n", as: Int.self)
    }

    @Test func aGoodFileIsImported() async throws {
        try await AppFixture.run { client, fixture in
            let before = try await peopleCount(fixture)
            let csv = "given_name,surname,birth_date,country,email,phone\r\nŁukasz,Żółć,1980-01-02,PL,lukasz@example.pl,601 234 567\r\n\"Anna, Maria\",Nowak,,PL,,\r\n"
            let (status, body) = try await post(client, fixture, csv)
            #expect(status == .created)
            #expect(body["imported"] as? Int == 2)
            #expect(body["contactPoints"] as? Int == 2)
            #expect(try await peopleCount(fixture) == before + 2)
        }
    }

    @Test func oneBrokenRowRejectsTheFileAndNamesLineAndField() async throws {
        try await AppFixture.run { client, fixture in
            let before = try await peopleCount(fixture)
            let cases: [(String, String)] = [
                ("givenName,familyName,birthDate\nJan,Kowalski,1970-01-01\nAnna,Nowak,1970-02-31\n", "rows[3].birthDate"),
                ("givenName,familyName,email\nJan,Kowalski,jan@\n", "rows[2].email"),
                ("givenName,familyName\nJan,Kowalski,extra\n", "rows[2]"),
                ("givenName,shoeSize\nJan,42\n", "header.shoeSize"),
                ("givenName,familyName\n\"Jan,Kowalski\n", "rows[2]"),
            ]
            for (csv, field) in cases {
                let (status, body) = try await post(client, fixture, csv)
                #expect(status == .unprocessableContent, "\(csv)")
                let fields = (body["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                #expect(fields.contains(field), "\(csv) → \(fields)")
            }
            #expect(try await peopleCount(fixture) == before)
        }
    }
}

@Suite("Predicted customer value on profiles (R4.3)")
struct PredictedValueTests {
    @Test func refitScoresEveryBuyerAndThe360ShowsIt() async throws {
        try await AppFixture.run(people: 400) { client, fixture in
            var fitted: [[String: Any]] = []
            try await client.execute(uri: "/api/v1/value/refit", method: .post, headers: fixture.headers()) { response in
                #expect(response.status == .ok)
                fitted = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
            }
            let usd = try #require(fitted.first { $0["currency"] as? String == "USD" })
            #expect(usd["purchaseModel"] != nil)
            #expect((usd["customers"] as? Int ?? 0) > 50)
            let buyer = try await fixture.store.database.sql.raw(
                "SELECT person_id FROM purchases WHERE person_id IS NOT NULL AND currency = 'USD' LIMIT 1"
            ).first()!.decode(column: "person_id", as: String.self)
            try await client.execute(uri: "/api/v1/people/\(buyer)/360", method: .get, headers: fixture.headers()) { response in
                let predicted = response.body.json["predictedValue"] as? [[String: Any]] ?? []
                #expect(predicted.count == 1)
                let alive = predicted.first?["probabilityAlive"] as? Double ?? -1
                #expect(alive > 0 && alive <= 1)
                #expect((predicted.first?["expectedPurchases"] as? Double ?? -1) >= 0)
            }
            // Every buyer of every currency that could be fitted has a prediction; a currency
            // that could not be fitted says why instead.
            for outcome in fitted {
                let currency = try #require(outcome["currency"] as? String)
                if outcome["purchaseModel"] == nil {
                    #expect(outcome["problem"] != nil)
                    continue
                }
                let scored = try await fixture.store.database.sql.raw(
                    "SELECT COUNT(*) AS n FROM value_scores WHERE currency = \(bind: currency)"
                ).first()!.decode(column: "n", as: Int.self)
                let buyers = try await fixture.store.database.sql.raw(
                    "SELECT COUNT(DISTINCT person_id) AS n FROM purchases WHERE person_id IS NOT NULL AND kind = 'purchase' AND currency = \(bind: currency)"
                ).first()!.decode(column: "n", as: Int.self)
                #expect(scored == buyers, "\(currency)")
            }
        }
    }
}
