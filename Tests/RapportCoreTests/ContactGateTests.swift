import Foundation
import RapportCore
import Testing

@Suite("Contact gate: who may be contacted at all (R1.10, the start of R2's single gate)")
struct ContactGateTests {
    let today = LocalDate(year: 2026, month: 6, day: 15)!
    let person = PersonID(rawValue: "per_01J00000000000000000000000")
    let point = ContactPointID(rawValue: "cp_01J00000000000000000000000")

    func suppression(
        _ reason: SuppressionReason, point: ContactPointID? = nil, until: LocalDate? = nil, lifted: Bool = false
    ) -> Suppression {
        Suppression(
            id: SuppressionID(rawValue: "sup_\(reason.rawValue)"), personID: person, contactPointID: point, reason: reason,
            until: until, createdBy: "t", createdAt: Date(), liftedAt: lifted ? Date() : nil)
    }

    // MARK: Tests

    @Test func aCurrentPersonWideSuppressionOrAnInactiveStatusStopsContact() {
        #expect(ContactGate.mayContact(status: .active, suppressions: [], on: today))
        #expect(!ContactGate.mayContact(status: .suppressedDeceased, suppressions: [], on: today))
        #expect(!ContactGate.mayContact(status: .active, suppressions: [suppression(.onRequest)], on: today))
        #expect(ContactGate.mayContact(status: .active, suppressions: [suppression(.deceased, lifted: true)], on: today))
        let ending = suppression(.other, until: LocalDate(year: 2026, month: 6, day: 16)!)
        #expect(!ContactGate.mayContact(status: .active, suppressions: [ending], on: today))
        #expect(ContactGate.mayContact(status: .active, suppressions: [ending], on: LocalDate(year: 2026, month: 6, day: 16)!))
        #expect(ContactGate.personStop(in: [suppression(.onRequest)], on: today)?.reason == .onRequest)
    }

    @Test func aPointSuppressionStopsOnlyThatPoint() {
        let stops = [suppression(.undeliverable, point: point)]
        #expect(ContactGate.mayContact(status: .active, suppressions: stops, on: today))
        #expect(!ContactGate.mayUse(point, status: .active, suppressions: stops, on: today))
        let other = ContactPointID(rawValue: "cp_01J00000000000000000000001")
        #expect(ContactGate.mayUse(other, status: .active, suppressions: stops, on: today))
        #expect(ContactGate.stoppedPoints(in: stops, on: today) == [point])
        #expect(ContactGate.personStop(in: stops, on: today) == nil)
    }

    @Test func draftsNameEveryBadField() throws {
        let fields = try SuppressionDraft(reason: "other", note: " Asked by letter ", until: "2026-07-01")
            .validated(today: today)
        #expect(fields == .init(reason: .other, note: "Asked by letter", until: LocalDate(year: 2026, month: 7, day: 1)))
        #expect(throws: DomainError.self) { _ = try SuppressionDraft(reason: "deceased", until: "2026-06-15").validated(today: today) }
        let result = Result { () throws(DomainError) in
            try DataMartDraft(key: "Bad Key", name: "", rules: "", includes: ["purchases", "x"]).validated()
        }
        guard case .failure(.invalid(let issues)) = result else {
            Issue.record("a bad mart draft was accepted")
            return
        }
        #expect(issues.map(\.field) == ["key", "name", "rules", "includes[1]"])
    }
}
