import Foundation
import Testing

@testable import RapportCore

@Suite("Person drafts and patches (R1.8)")
struct PersonDraftTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let ids = IDGenerator.seeded(1)

    @Test func validDraftKeepsDiacriticsAndNormalisesCodes() throws {
        let person = try PersonDraft(givenName: "  Łukasz ", familyName: "Żółć", birthDate: "1984-02-29", gender: "MALE", language: "pl-pl", country: "pl")
            .validated(id: ids.make(), now: now)
        #expect(person.displayName == "Łukasz Żółć")
        #expect(person.birthDate == LocalDate(year: 1984, month: 2, day: 29))
        #expect(person.gender == .male)
        #expect(person.language == "pl-PL")
        #expect(person.country == "PL")
    }

    @Test func everyBadFieldIsReportedByName() {
        let draft = PersonDraft(givenName: String(repeating: "a", count: 201), birthDate: "1985-02-30", gender: "robot", language: "polish!", country: "POL", householdID: "hh_x")
        #expect {
            try draft.validated(id: ids.make(), now: now)
        } throws: { error in
            guard case DomainError.invalid(let issues) = error else { return false }
            return Set(issues.map(\.field)) == ["givenName", "birthDate", "gender", "language", "country", "householdID"]
        }
    }

    @Test func aNameIsRequired() {
        #expect(throws: DomainError.invalid([FieldIssue(field: "familyName", code: "required", message: "givenName or familyName is required.")])) {
            try PersonDraft(givenName: " ").validated(id: ids.make(), now: now)
        }
    }

    @Test func futureAndAncientBirthDatesAreRejected() {
        for date in ["2030-01-01", "1850-01-01"] {
            #expect(throws: DomainError.self) { try PersonDraft(familyName: "Nowak", birthDate: date).validated(id: ids.make(), now: now) }
        }
    }

    @Test func patchDistinguishesAbsentFromNull() throws {
        let person = try PersonDraft(givenName: "Anna", familyName: "Nowak", gender: "female").validated(id: ids.make(), now: now)
        let patch = try JSONDecoder().decode(PersonPatch.self, from: Data(#"{"gender": null, "familyName": "Kowalska"}"#.utf8))
        let updated = try patch.applied(to: person, now: now.addingTimeInterval(60))
        #expect(updated.gender == nil)
        #expect(updated.familyName == "Kowalska")
        #expect(updated.givenName == "Anna")
        #expect(patch.touchedFields == ["familyName", "gender"])
    }

    @Test func patchCannotRemoveBothNames() throws {
        let person = try PersonDraft(givenName: "Anna").validated(id: ids.make(), now: now)
        let patch = try JSONDecoder().decode(PersonPatch.self, from: Data(#"{"givenName": null}"#.utf8))
        #expect(throws: DomainError.self) { try patch.applied(to: person, now: now) }
    }
}
