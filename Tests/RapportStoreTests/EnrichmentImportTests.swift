import Foundation
import RapportCore
import RapportIntegration
import RapportStore
import RapportTestSupport
import Testing

@Suite("Enrichment files in the store (R1.9)")
struct EnrichmentImportTests {
    let admin = TestActors.admin

    func prepare(_ store: Store, allowed: [String] = []) async throws -> Touchpoint {
        for (key, type) in [("income_band", "text"), ("children", "number")] {
            try await store.attributes.define(
                try AttributeDefinitionDraft(key: key, label: key, type: type).validated(
                    id: store.ids.make(), now: Date()),
                by: admin)
        }
        let acme = Touchpoint(
            id: store.ids.make(), name: "Acme Data", kind: .partner, trustRank: 80, allowedAttributes: allowed,
            createdAt: Date())
        try await store.sources.register(acme, by: admin)
        return acme
    }

    func mapping(_ columns: String) throws -> ImportMapping {
        try ImportMapping(json: Array("{\"columns\": {\(columns)}}".utf8))
    }

    @Test func valuesApplyWithProvenanceAndUnmatchedRowsAreReported() async throws {
        try await withTestStore { store in
            let acme = try await prepare(store)
            let jan = try await HouseholdFixtures.resident(
                store, "Jan", "Nowak", at: "ul. Krótka 1", email: "jan@example.pl")
            let text = "mail,band,kids\nJAN@example.pl,B,2\nnobody@example.pl,C,1\n"
            let summary = try await store.enrichment.run(
                .bytes(Array(text.utf8)), name: "acme.csv",
                mapping: try mapping(
                    "\"mail\": \"email\", \"band\": \"attributes.income_band\", \"kids\": \"attributes.children\""),
                source: acme, by: admin)
            #expect(summary.rows == 2 && summary.applied == 1 && summary.valuesSet == 2 && summary.unmatched == 1)
            #expect(summary.problems.map(\.line) == [3])
            #expect(summary.problems.first?.reasons.first?.contains("nobody@example.pl") == true)
            let view = try await store.customers.view(of: jan.id, by: admin)
            let band = view.attributes.first { $0.key == "income_band" }
            #expect(band?.value == "B")
            #expect(band?.provenance?.hasPrefix("from Acme Data (acme.csv line 2), 20") == true)
            #expect(view.attributes.first { $0.key == "children" }?.value == "2")
            let trail = try await store.audit.list(entityID: jan.id.rawValue)
            #expect(
                trail.contains { $0.detail?.contains("attributes: 2 set from Acme Data (acme.csv line 2)") == true })
        }
    }

    @Test func personIDColumnAndBadValuesAreRejectedWithReasons() async throws {
        try await withTestStore { store in
            let acme = try await prepare(store)
            let ewa = try await HouseholdFixtures.resident(store, "Ewa", "Lis", at: "ul. Polna 2")
            let text = "id,kids\n\(ewa.id.rawValue),many\n\(ewa.id.rawValue),3\n"
            let summary = try await store.enrichment.run(
                .bytes(Array(text.utf8)), name: "acme.csv", mapping: try mapping("\"kids\": \"attributes.children\""),
                personIDColumn: "id", source: acme, by: admin)
            #expect(summary.rejected == 1 && summary.applied == 1)
            #expect(
                summary.problems.first?.reasons == ["attributes.children: attributes.children 'many' is not a number."])
            #expect(try await store.customers.view(of: ewa.id, by: admin).attributes.first?.value == "3")
        }
    }

    @Test func undefinedOrDisallowedAttributesAndNameColumnsStopTheFile() async throws {
        try await withTestStore { store in
            let acme = try await prepare(store, allowed: ["income_band"])
            let text = "mail,kids,shoe,name\na@example.pl,1,42,Ann\n"
            do {
                _ = try await store.enrichment.run(
                    .bytes(Array(text.utf8)), name: "acme.csv",
                    mapping: try mapping(
                        "\"mail\": \"email\", \"kids\": \"attributes.children\", \"shoe\": \"attributes.shoe_size\", \"name\": \"givenName\""
                    ),
                    source: acme, by: admin)
                Issue.record("a file with bad columns was applied")
            } catch let error as DomainError {
                guard case .invalid(let issues) = error else { throw error }
                #expect(
                    Dictionary(uniqueKeysWithValues: issues.map { ($0.field, $0.code) }) == [
                        "columns.kids": "not_allowed", "columns.shoe": "unknown_value",
                        "columns.name": "not_enrichable",
                    ])
            }
        }
    }

    @Test func mappingNamingAMissingColumnFails() async throws {
        try await withTestStore { store in
            let acme = try await prepare(store)
            await #expect(throws: CSVImportError.self) {
                _ = try await store.enrichment.run(
                    .bytes(Array("mail\na@example.pl\n".utf8)), name: "acme.csv",
                    mapping: try mapping("\"e-mail\": \"email\", \"band\": \"attributes.income_band\""), source: acme,
                    by: admin)
            }
        }
    }
}
