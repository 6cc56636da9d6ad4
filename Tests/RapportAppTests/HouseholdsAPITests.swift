import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportIntegration
import RapportStore
import Testing

@Suite("Households, movers and enrichment over the API and the admin page (R1.6, R1.8, R1.9)")
struct HouseholdsAPITests {
    @Test func ruleRebuildAndFilesThroughTheAPI() async throws {
        try await AppFixture.run(people: 10) { client, fixture in
            try await client.execute(
                uri: "/api/v1/households/rule", method: .put, headers: fixture.headers(),
                body: ByteBuffer(string: #"{"sharedContacts": "sometimes", "maximumPeoplePerAddress": 1}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(
                    response.body.text.contains("sharedContacts")
                        && response.body.text.contains("maximumPeoplePerAddress"))
            }
            try await client.execute(
                uri: "/api/v1/households/rule", method: .put, headers: fixture.headers(),
                body: ByteBuffer(string: #"{"linksSameAddressAlone": true}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.json["linksSameAddressAlone"] as? Bool == true)
                #expect(response.body.json["maximumPeoplePerAddress"] as? Int == 10)
            }
            try await client.execute(uri: "/api/v1/households/rule", method: .get, headers: fixture.headers()) {
                response in
                #expect(response.body.json["linksSameAddressAlone"] as? Bool == true)
            }
            try await client.execute(uri: "/api/v1/households/rebuild", method: .post, headers: fixture.headers()) {
                response in
                #expect(response.status == .ok)
                #expect(response.body.json["people"] as? Int == 10)
            }
            var csv = fixture.headers(json: false)
            csv[.contentType] = "text/csv"
            try await client.execute(
                uri: "/api/v1/movers", method: .post, headers: csv,
                body: ByteBuffer(string: "surname,old_address\nNowak,ul. Krótka 1\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("header.effectiveDate"))
            }
            let movers =
                "surname,old_address,old_city,new_address,new_city,country,move_date\n"
                + "Nikt,ul. Żadna 1,Kraków,ul. Nowa 7,Gdańsk,PL,2026-06-01\n"
            try await client.execute(
                uri: "/api/v1/movers?name=m.csv", method: .post, headers: csv, body: ByteBuffer(string: movers)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.json["unmatched"] as? Int == 1)
            }
            try await client.execute(
                uri: "/api/v1/enrichments?source=nope&mapping=%7B%7D", method: .post, headers: csv,
                body: ByteBuffer(string: "mail\na@example.pl\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("mapping"))
            }
            try await client.execute(
                uri: "/api/v1/households/rebuild", method: .post, headers: fixture.headers(.marketer)
            ) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func theAdminPageSavesTheRuleRebuildsAndAppliesAMoversFile() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let web = WebTests()
            let cookie = try await web.signIn(client)
            let page = try await client.execute(uri: "/admin/households", method: .get, headers: [.cookie: cookie]) {
                $0.body.text
            }
            #expect(
                page.contains("id=\"rule-form\"") && page.contains("id=\"movers-form\"")
                    && page.contains("id=\"enrich-form\""))
            let csrf = try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1).description
            let boundary = "rapportHouseholdsBoundary"
            var headers: HTTPFields = [.cookie: cookie]
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            func form(_ fields: [(String, String?, String)]) -> ByteBuffer {
                var text = ""
                for (name, filename, value) in [("csrf", nil, csrf)] + fields {
                    let file = filename.map { "; filename=\"\($0)\"" } ?? ""
                    text +=
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\(file)\r\n\r\n\(value)\r\n"
                }
                return ByteBuffer(string: text + "--\(boundary)--\r\n")
            }
            try await client.execute(
                uri: "/admin/households/rule", method: .post, headers: headers,
                body: form([
                    ("linksSameAddressAndFamilyName", nil, "1"), ("sharedContacts", nil, "never"),
                    ("maximumPeoplePerAddress", nil, "1"), ("maximumPeoplePerContact", nil, "6"),
                ])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("maximumPeoplePerAddress must be between 2 and 1000"))
            }
            try await client.execute(
                uri: "/admin/households/rule", method: .post, headers: headers,
                body: form([
                    ("linksSameAddressAndFamilyName", nil, "1"), ("sharedContacts", nil, "never"),
                    ("maximumPeoplePerAddress", nil, "8"), ("maximumPeoplePerContact", nil, "6"),
                ])
            ) { #expect($0.status == .ok) }
            #expect(try await fixture.store.householdRules.current().maximumPeoplePerAddress == 8)
            try await client.execute(uri: "/admin/households/rebuild", method: .post, headers: headers, body: form([]))
            {
                #expect($0.status == .ok)
                #expect($0.body.text.contains("Households rebuilt"))
            }
            let movers =
                "surname,old_address,old_city,new_address,new_city,country,move_date\n"
                + "Nikt,ul. Żadna 1,Kraków,ul. Nowa 7,Gdańsk,PL,1 June\n"
            try await client.execute(
                uri: "/admin/households/movers", method: .post, headers: headers,
                body: form([("file", "m.csv", movers)])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains("line 2 (rejected): effectiveDate"))
            }
        }
    }
}

@Suite("The 360 page shows household links and enrichment provenance (R1.8, R1.9)")
struct HouseholdCustomerPageTests {
    @Test func linkReasonAndProvenanceAreShown() async throws {
        try await AppFixture.run(people: 3) { client, fixture in
            let store = fixture.store
            var people: [Person] = []
            for given in ["Jan", "Ewa"] {
                let person = try PersonDraft(givenName: given, familyName: "Zając", country: "PL").validated(
                    id: store.ids.make(), now: Date())
                try await store.people.insert(person, by: .system)
                let home = try ContactPointDraft(
                    kind: "postal", address: AddressDraft(line1: "ul. Polna 4", city: "Łódź", postcode: "90-001", country: "PL")
                ).validated(id: store.ids.make(), personID: person.id, organisationID: nil, defaultCountry: "PL", now: Date())
                try await store.contactPoints.insert(home, by: .system)
                people.append(person)
            }
            _ = try await store.householdRebuild.run(by: .system)
            try await store.attributes.define(
                try AttributeDefinitionDraft(key: "income_band", label: "Income band", type: "text").validated(
                    id: store.ids.make(), now: Date()),
                by: .system)
            let acme = Touchpoint(id: store.ids.make(), name: "Acme Data", kind: .partner, trustRank: 80, createdAt: Date())
            try await store.sources.register(acme, by: .system)
            let file = "id,band\n\(people[0].id.rawValue),B\n"
            let mapping = try ImportMapping(json: Array(#"{"columns": {"band": "attributes.income_band"}}"#.utf8))
            let summary = try await store.enrichment.run(
                .bytes(Array(file.utf8)), name: "acme.csv", mapping: mapping, personIDColumn: "id", source: acme, by: .system)
            #expect(summary.applied == 1)
            let cookie = try await WebTests().signIn(client)
            let page = try await client.execute(
                uri: "/customers/\(people[0].id.rawValue)", method: .get, headers: [.cookie: cookie]
            ) { $0.body.text }
            #expect(page.contains("class=\"household-link\">with <a href=\"/customers/\(people[1].id.rawValue)\">Ewa Zając</a>"))
            #expect(page.contains("family name (zajac)"))
            #expect(page.contains("from Acme Data (acme.csv line 2), 20"))
        }
    }
}
