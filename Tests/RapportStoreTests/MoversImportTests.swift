import Foundation
import RapportCore
import RapportIntegration
import RapportStore
import RapportTestSupport
import Testing

@Suite("Movers files in the store (R1.6)")
struct MoversImportTests {
    let admin = TestActors.admin
    static let header =
        "first_name,surname,old_address,old_city,old_postcode,new_address,new_city,new_postcode,country,move_date,type"

    func run(_ store: Store, _ rows: [String], header: String = header) async throws -> MoversSummary {
        let text = ([header] + rows).joined(separator: "\n") + "\n"
        let source = try await store.movers.source(named: nil, by: admin)
        return try await store.movers.run(.bytes(Array(text.utf8)), name: "movers.csv", source: source, by: admin)
    }

    func current(_ store: Store, _ person: Person) async throws -> [ContactPoint] {
        try await store.contactPoints.forPerson(person.id).filter { $0.kind == .postal && $0.validTo == nil }
    }

    @Test func familyMoveMovesTheHouseholdAndKeepsHistory() async throws {
        try await withTestStore { store in
            let jan = try await HouseholdFixtures.resident(store, "Jan", "Kowalski", at: "ul. Długa 5")
            let anna = try await HouseholdFixtures.resident(store, "Anna", "Kowalska", at: "ul. Długa 5")
            let lodger = try await HouseholdFixtures.resident(store, "Piotr", "Wiśniewski", at: "ul. Długa 5")
            _ = try await store.householdRebuild.run(by: admin)
            let summary = try await run(
                store, ["Jan,Kowalski,ulica Długa 5,Kraków,30001,ul. Nowa 7,Gdańsk,80-001,PL,2026-06-01,F"])
            #expect(
                summary.rows == 1 && summary.matched == 1 && summary.movedPeople == 2 && summary.movedHouseholds == 1)
            for person in [jan, anna] {
                let now = try await current(store, person)
                #expect(now.count == 1)
                #expect(now.first?.address?.city == "Gdańsk")
                #expect(now.first?.validFrom == LocalDate(iso: "2026-06-01"))
                let old = try await store.contactPoints.forPerson(person.id).filter {
                    $0.kind == .postal && $0.validTo != nil
                }
                #expect(old.map(\.validTo) == [LocalDate(iso: "2026-06-01")])
                let trail = try await store.audit.list(entityID: person.id.rawValue)
                #expect(trail.contains { $0.detail?.contains("movers.csv line 2") == true })
            }
            #expect(try await current(store, lodger).first?.address?.city == "Kraków")
            let movers = try await store.sources.list().first { $0.name == "movers" }
            #expect(try await current(store, jan).first?.sourceID == movers?.id)
        }
    }

    @Test func ambiguousAndUnmatchedRowsMoveNobodyAndAreReported() async throws {
        try await withTestStore { store in
            let father = try await HouseholdFixtures.resident(store, "Jan", "Nowak", at: "ul. Krótka 1")
            let son = try await HouseholdFixtures.resident(store, "Jan", "Nowak", at: "ul. Krótka 1")
            let summary = try await run(
                store,
                [
                    "Jan,Nowak,ul. Krótka 1,Kraków,30-001,ul. Nowa 7,Gdańsk,80-001,PL,2026-06-01,I",
                    "Ewa,Zielińska,ul. Polna 3,Kraków,30-001,ul. Nowa 7,Gdańsk,80-001,PL,2026-06-01,F",
                ])
            #expect(summary.ambiguous == 1 && summary.unmatched == 1 && summary.movedPeople == 0)
            #expect(summary.problems.map(\.line) == [2, 3])
            #expect(summary.problems.map(\.status) == ["ambiguous", "no_match"])
            #expect(summary.report.contains("rows: 2  matched: 0  ambiguous: 1  unmatched: 1  rejected: 0"))
            #expect(summary.report.contains("line 2 (ambiguous): Jan Nowak: several people"))
            for person in [father, son] { #expect(try await current(store, person).first?.address?.city == "Kraków") }
        }
    }

    @Test func brokenRowsAreListedWithLineAndField() async throws {
        try await withTestStore { store in
            let summary = try await run(
                store,
                [
                    "Jan,Nowak,ul. Krótka 1,Kraków,30-001,ul. Nowa 7,Gdańsk,80-001,PL,1 June,F",
                    "Jan,Nowak,ul. Krótka 1,Kraków,30-001,ul. Nowa 7,Gdańsk,8000,PL,2026-06-01,F",
                    "Jan,Nowak,too few",
                ])
            #expect(summary.rejected == 3 && summary.rows == 3)
            #expect(summary.problems.map(\.line) == [2, 3, 4])
            #expect(summary.problems[0].reasons.first?.hasPrefix("effectiveDate:") == true)
            #expect(summary.problems[1].reasons.first?.hasPrefix("newAddress.postcode:") == true)
            #expect(summary.problems[2].reasons.first?.hasPrefix("row:") == true)
        }
    }

    @Test func missingColumnsAreNamedBeforeAnythingMoves() async throws {
        try await withTestStore { store in
            do {
                _ = try await run(store, ["Nowak,ul. Krótka 1"], header: "surname,old_address")
                Issue.record("a file without its columns was applied")
            } catch let error as DomainError {
                guard case .invalid(let issues) = error else { throw error }
                #expect(issues.map(\.field).contains("header.effectiveDate"))
                #expect(issues.map(\.field).contains("header.newLine1"))
                #expect(issues.first { $0.field == "header.oldCity" }?.message.contains("oldcity") == true)
            }
        }
    }

    @Test func namedDateColumnIsUsed() async throws {
        try await withTestStore { store in
            let ewa = try await HouseholdFixtures.resident(store, "Ewa", "Lis", at: "ul. Krótka 1")
            let text =
                "surname,old_address,old_city,old_zip,new_address,new_city,country,Data przeprowadzki\n"
                + "Lis,ul. Krótka 1,Kraków,30-001,ul. Nowa 7,Gdańsk,PL,2026-07-01\n"
            let source = try await store.movers.source(named: nil, by: admin)
            let summary = try await store.movers.run(
                .bytes(Array(text.utf8)), name: "m.csv", options: .init(effectiveDateColumn: "Data przeprowadzki"),
                source: source, by: admin)
            #expect(summary.movedPeople == 1)
            #expect(try await current(store, ewa).first?.validFrom == LocalDate(iso: "2026-07-01"))
        }
    }
}
