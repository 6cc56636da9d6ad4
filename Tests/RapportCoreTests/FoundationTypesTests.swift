import Foundation
import Testing

@testable import RapportCore

@Suite("Identifiers, dates, money, roles")
struct FoundationTypesTests {
    @Test func seededIdentifiersAreDeterministicAndParse() {
        let a = IDGenerator.seeded(42)
        let b = IDGenerator.seeded(42)
        let first: PersonID = a.make()
        let second: PersonID = b.make()
        #expect(first == second)
        #expect(first.rawValue.hasPrefix("per_"))
        #expect(PersonID(parsing: first.rawValue) == first)
        #expect(PersonID(parsing: "org_" + first.rawValue.dropFirst(4)) == nil)
        #expect(PersonID(parsing: "per_short") == nil)
        let later: PersonID = a.make()
        #expect(first < later, "identifiers sort by creation")
    }

    @Test func localDatesValidateCalendar() {
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2024-13-01") == nil)
        #expect(LocalDate(iso: "24-01-01") == nil)
        let birth = LocalDate(year: 1990, month: 6, day: 15)!
        #expect(birth.years(until: LocalDate(year: 2026, month: 6, day: 14)!) == 35)
        #expect(birth.years(until: LocalDate(year: 2026, month: 6, day: 15)!) == 36)
    }

    @Test func timestampsRoundTripWithMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_790_000_000.123)
        let text = Timestamp.format(date)
        #expect(text == "2026-09-21T14:13:20.123Z")
        #expect(abs(Timestamp.parse(text)!.timeIntervalSince(date)) < 0.001)
    }

    @Test func moneyIsExactAndFormatted() {
        #expect(Money(19.99, currency: "PLN").minorUnits == 1999)
        #expect(Money(minorUnits: 123_456_789, currency: "IDR").formatted == "1\u{202F}234\u{202F}567.89 IDR")
        #expect(Money(minorUnits: -5, currency: "USD").formatted == "-0.05 USD")
    }

    @Test func rolesGrantWhatR10Says() {
        #expect(Role.administrator.permissions == Set(Permission.allCases))
        #expect(!Role.readOnly.permissions.contains(.writePeople))
        #expect(!Role.analyst.permissions.contains(.writePeople))
        #expect(Role.privacyOfficer.permissions.contains(.readAudit))
        #expect(!Role.marketer.permissions.contains(.readAudit))
        #expect(Role.partnerAgent.seesOnlyAssignedPeople)
        #expect(Role.privacyOfficer.label == "Privacy officer")
    }

    @Test func purchaseTotalsAreTheSumOfLines() throws {
        let draft = PurchaseDraft(personID: IDGenerator.seeded(3).make(Person.self).rawValue, currency: "pln", lines: [
            .init(product: "Kettle", quantity: 1, amount: 99.99, margin: 20), .init(product: "Filter", quantity: 2, amount: 40.02, margin: 10.5),
        ])
        let purchase = try draft.validated(id: IDGenerator.seeded(4).make(), now: Date())
        #expect(purchase.total == Money(minorUnits: 14001, currency: "PLN"))
        #expect(purchase.margin == Money(minorUnits: 3050, currency: "PLN"))
    }

    @Test func purchaseLineErrorsNameTheLine() {
        let draft = PurchaseDraft(personID: IDGenerator.seeded(3).make(Person.self).rawValue, currency: "PLN", lines: [
            .init(product: "Kettle", amount: 10), .init(product: "", amount: -1),
        ])
        #expect {
            try draft.validated(id: IDGenerator.seeded(4).make(), now: Date())
        } throws: { error in
            guard case DomainError.invalid(let issues) = error else { return false }
            return Set(issues.map(\.field)) == ["lines[1].product", "lines[1].amount"]
        }
    }

    @Test func attributeValuesMustFitTheirDefinition() throws {
        let definition = try AttributeDefinitionDraft(key: "shoe_size", label: "Shoe size", type: "choice", choices: ["38", "39"]).validated(id: IDGenerator.seeded(5).make(), now: Date())
        try definition.validate(.text("38"))
        #expect(throws: DomainError.self) { try definition.validate(.text("45")) }
        #expect(throws: DomainError.self) { try definition.validate(.number(38)) }
        #expect(throws: DomainError.self) { try AttributeDefinitionDraft(key: "Shoe Size", label: "x", type: "text").validated(id: IDGenerator.seeded(5).make(), now: Date()) }
    }
}

@Suite("Timestamp arithmetic agrees with Foundation")
struct TimestampTests {
    @Test func formattingAndParsingMatchFoundationOverCenturies() {
        var rng = SystemRandomNumberGenerator()
        let reference = ISO8601DateFormatter()
        reference.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &rng)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = Timestamp.format(date)
            #expect(text == reference.string(from: date), "\(milliseconds)")
            #expect(Timestamp.parse(text).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } == milliseconds)
            let day = LocalDate(date)
            #expect(day.description == String(text.prefix(10)))
            #expect(day.date <= date && date.timeIntervalSince(day.date) < 86_400)
        }
    }

    @Test func malformedFixedWidthTextIsRejected() {
        for text in ["2026-13-01T00:00:00.000Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00.000Z", "2026-01-01 00:00:00.000Z", "2026-01-01T00:00:00.00xZ"] {
            #expect(Timestamp.parse(text) == nil, "\(text)")
        }
        #expect(Timestamp.parse("2026-01-01T10:00:00+02:00") == Timestamp.parse("2026-01-01T08:00:00Z"))
    }
}
