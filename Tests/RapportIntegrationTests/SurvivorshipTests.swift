import Foundation
import RapportCore
import Testing

@testable import RapportIntegration

/// Sources and instants shared by the survivorship tests.
enum Sources {
    /// Made together, so their IDs are in this order whichever test runs first.
    static let registered: [ObservationSource] = {
        let ids = IDGenerator.seeded(7)
        return [
            ObservationSource(id: ids.make(), name: "Web shop", trustRank: 1),
            ObservationSource(id: ids.make(), name: "Point of sale", trustRank: 2),
            ObservationSource(id: ids.make(), name: "Call centre", trustRank: 3),
            ObservationSource(id: ids.make(), name: "Survey", trustRank: 5),
            // Trusted like the point of sale, but registered after it (a higher source ID).
            ObservationSource(id: ids.make(), name: "Partner", trustRank: 2),
        ]
    }()
    static var webShop: ObservationSource { registered[0] }
    static var pointOfSale: ObservationSource { registered[1] }
    static var callCentre: ObservationSource { registered[2] }
    static var survey: ObservationSource { registered[3] }
    static var partner: ObservationSource { registered[4] }

    static func day(_ iso: String) -> Date { LocalDate(iso: iso)!.date }

    static func observe(
        _ value: String?, _ source: ObservationSource, _ day: String, _ attribute: String = "familyName"
    ) -> SourceObservation {
        SourceObservation(attribute: attribute, value: value, source: source, observedAt: Self.day(day))
    }
}

@Suite("Survivorship: golden values and why (R1.3)")
struct SurvivorshipTests {
    typealias S = Sources

    func golden(_ rule: SurvivorshipRule, _ observations: [SourceObservation], ignoringEmpty: Bool = true)
        -> GoldenValue
    {
        let policy = SurvivorshipPolicy(default: AttributeSurvivorship(rule: rule, ignoresEmptyValues: ignoringEmpty))
        return Survivorship(policy: policy).goldenValue(of: "familyName", from: observations)
    }

    @Test func trustedSourceWins() {
        let value = golden(
            .trustedSource,
            [
                S.observe("Kowalsky", S.callCentre, "2025-05-01"), S.observe("Kowalski", S.webShop, "2024-01-10"),
            ])
        #expect(value.value == "Kowalski")
        #expect(value.source == S.webShop)
        #expect(value.explanation.rule == .trustedSource)
        #expect(value.explanation.decidedBy == .trustRank)
        #expect(value.explanation.reason == "Web shop (trust 1) outranks Call centre (trust 3).")
        #expect(value.explanation.candidates.map(\.source.name) == ["Web shop", "Call centre"])
    }

    @Test func equalTrustGoesToTheNewerValueThenTheLowerSourceID() {
        let newer = golden(
            .trustedSource,
            [
                S.observe("Nowak", S.pointOfSale, "2024-03-02"), S.observe("Nowakowa", S.partner, "2025-03-04"),
            ])
        #expect(newer.value == "Nowakowa")
        #expect(newer.explanation.decidedBy == .recency)
        #expect(
            newer.explanation.reason
                == "Partner and Point of sale share trust 2; Partner's value is newer (2025-03-04 against 2024-03-02).")
        let sameTime = golden(
            .trustedSource,
            [
                S.observe("Nowakowa", S.partner, "2025-03-04"), S.observe("Nowak", S.pointOfSale, "2025-03-04"),
            ])
        #expect(sameTime.value == "Nowak", "Point of sale was registered first")
        #expect(sameTime.explanation.decidedBy == .sourceID)
    }

    @Test func majorityComparesFoldedFormsAndShowsTheTrustedOriginal() {
        let value = golden(
            .majority,
            [
                S.observe("Żółć", S.callCentre, "2025-01-01"), S.observe("ZOLC", S.survey, "2025-02-01"),
                S.observe("żółć ", S.pointOfSale, "2024-01-01"), S.observe("Żółw", S.webShop, "2025-03-01"),
            ])
        #expect(value.value == "żółć ", "the form sent by the most trusted agreeing source")
        #expect(value.source == S.pointOfSale)
        #expect(value.explanation.decidedBy == .support)
        #expect(value.explanation.reason == "3 of 4 sources agree (Point of sale, Call centre, Survey).")
        #expect(
            value.explanation.candidates.map(\.source.name) == ["Point of sale", "Call centre", "Survey", "Web shop"])
    }

    @Test func majorityTiesGoToTheMostTrustedSide() {
        let value = golden(
            .majority,
            [
                S.observe("Wiśniewska", S.callCentre, "2025-01-01"), S.observe("Wiśniewski", S.survey, "2025-02-01"),
                S.observe("Wiśniewski", S.pointOfSale, "2024-01-01"), S.observe("Wiśniewska", S.webShop, "2023-03-01"),
            ])
        #expect(value.value == "Wiśniewska")
        #expect(value.explanation.decidedBy == .trustRank)
        #expect(
            value.explanation.reason
                == "2 of 4 sources agree on this value and 2 on 'Wiśniewski'; the tie goes to the most trusted source, Web shop (trust 1 against 2)."
        )
        let noTwoAgree = golden(
            .majority, [S.observe("A", S.survey, "2025-01-01"), S.observe("B", S.callCentre, "2024-01-01")])
        #expect(noTwoAgree.value == "B")
        #expect(
            noTwoAgree.explanation.reason.hasPrefix(
                "No two of 2 sources agree; the tie goes to the most trusted source, Call centre"))
    }

    @Test func mostRecentWinsAndTiesGoToTrust() {
        let value = golden(
            .mostRecent,
            [
                S.observe("Kowalska", S.webShop, "2024-03-02"), S.observe("Nowak-Kowalska", S.callCentre, "2025-03-04"),
            ])
        #expect(value.value == "Nowak-Kowalska")
        #expect(
            value.explanation.reason
                == "Call centre's value is the most recent (2025-03-04 against 2024-03-02 from Web shop).")
        let sameDay = golden(
            .mostRecent,
            [
                SourceObservation(
                    attribute: "familyName", value: "Nowak", source: S.callCentre,
                    observedAt: S.day("2025-03-04") + 3_600),
                SourceObservation(
                    attribute: "familyName", value: "Nowakowa", source: S.webShop, observedAt: S.day("2025-03-04") + 60),
            ])
        #expect(sameDay.value == "Nowak")
        #expect(
            sameDay.explanation.reason
                == "Call centre's value is the most recent (2025-03-04 01:00 UTC against 2025-03-04 00:01 UTC from Web shop)."
        )
        let sameInstant = golden(
            .mostRecent,
            [
                S.observe("Nowak", S.callCentre, "2025-03-04"), S.observe("Nowakowa", S.webShop, "2025-03-04"),
            ])
        #expect(sameInstant.value == "Nowakowa")
        #expect(sameInstant.explanation.decidedBy == .trustRank)
        #expect(sameInstant.explanation.reason.hasSuffix("; Web shop is more trusted (trust 1 against 3)."))
    }

    @Test func mostCompleteCountsLettersAndDigits() {
        let value = Survivorship(policy: .init(default: .init(rule: .mostComplete))).goldenValue(
            of: "street",
            from: [
                S.observe("ul. Długa 5", S.webShop, "2025-01-01", "street"),
                S.observe("ul. Długa 5 m. 3", S.callCentre, "2024-01-01", "street"),
                S.observe("Długa 5", S.pointOfSale, "2025-02-01", "street"),
            ])
        #expect(value.value == "ul. Długa 5 m. 3")
        #expect(
            value.explanation.reason
                == "Call centre's value is the most complete (10 letters and digits against 8 from Web shop).")
        let tie = golden(
            .mostComplete,
            [S.observe("Nowak", S.callCentre, "2025-01-01"), S.observe("Nowak", S.webShop, "2024-01-01")])
        #expect(tie.source == S.webShop)
        #expect(
            tie.explanation.reason
                == "Web shop and Call centre give equally complete values (5 letters and digits); Web shop is more trusted (trust 1 against 3). All 2 sources agree."
        )
    }

    @Test func emptyValuesAreIgnoredOrCompeteAsConfigured() {
        let observations = [
            S.observe("  ", S.webShop, "2025-05-01"), S.observe("Kowalski", S.callCentre, "2024-01-01"),
        ]
        let ignoring = golden(.trustedSource, observations)
        #expect(ignoring.value == "Kowalski")
        #expect(ignoring.explanation.reason == "Only Call centre (trust 3) supplied a value.")
        #expect(ignoring.explanation.excluded.map(\.reason) == [.empty])
        let keeping = golden(.trustedSource, observations, ignoringEmpty: false)
        #expect(keeping.value == nil, "the most trusted source says there is none")
        #expect(keeping.source == S.webShop)
        #expect(keeping.explanation.reason == "Web shop (trust 1) outranks Call centre (trust 3).")
        let nothing = golden(
            .majority, [S.observe(nil, S.webShop, "2025-01-01"), S.observe("", S.survey, "2025-01-01")])
        #expect(nothing.value == nil && nothing.source == nil)
        #expect(nothing.explanation.reason == "No source supplied a value (2 empty values ignored).")
    }

    @Test func aSourceSpeaksOnceWithItsLatestValue() {
        let value = golden(
            .majority,
            [
                S.observe("Kowalska", S.survey, "2023-01-01"), S.observe("Kowalska", S.survey, "2024-01-01"),
                S.observe("Nowak", S.survey, "2025-01-01"), S.observe("Nowak", S.callCentre, "2022-01-01"),
                S.observe("Kowalska", S.webShop, "2021-01-01"),
            ])
        #expect(value.explanation.candidates.count == 3)
        #expect(value.explanation.excluded.count == 2)
        #expect(value.explanation.excluded.allSatisfy { $0.reason == .superseded })
        #expect(value.value == "Nowak")
        #expect(value.explanation.reason == "2 of 3 sources agree (Call centre, Survey).")
    }

    @Test func sourcesMaySupplyOnlyTheirAttributes() {
        let restricted = ObservationSource(
            id: IDGenerator.seeded(8).make(), name: "Warranty cards", trustRank: 1, allowedAttributes: ["email"])
        let value = golden(
            .trustedSource,
            [S.observe("Kowalski", restricted, "2025-01-01"), S.observe("Nowak", S.survey, "2024-01-01")])
        #expect(value.value == "Nowak")
        #expect(value.explanation.excluded.map(\.reason) == [.notAllowed])
        #expect(
            golden(.trustedSource, [S.observe("Kowalski", restricted, "2025-01-01")]).explanation.reason
                == "No source supplied a value (1 from a source not allowed to supply it).")
    }

    @Test(arguments: SurvivorshipRule.allCases)
    func theOutcomeDoesNotDependOnInputOrder(rule: SurvivorshipRule) {
        let observations = [
            S.observe("Kowalska", S.pointOfSale, "2025-01-01"), S.observe("kowalska", S.partner, "2025-01-01"),
            S.observe("Nowak", S.callCentre, "2025-01-01"), S.observe("Nowak", S.survey, "2025-01-01"),
            S.observe(nil, S.webShop, "2025-02-01"),
        ]
        let expected = golden(rule, observations)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            #expect(golden(rule, observations.shuffled(using: &generator)) == expected)
        }
    }

    @Test func changingARuleRecomputesTheProfile() {
        let observations = [
            S.observe("Kowalski", S.webShop, "2023-01-01"), S.observe("Nowak", S.callCentre, "2025-01-01"),
            S.observe("jan@example.pl", S.webShop, "2023-01-01", "email"),
            S.observe("jan.nowak@example.pl", S.callCentre, "2025-01-01", "email"),
        ]
        let before = Survivorship().goldenProfile(from: observations)
        #expect(before["familyName"]?.value == "Kowalski")
        #expect(before["email"]?.value == "jan@example.pl")
        let policy = SurvivorshipPolicy.standard.with(.mostRecent, for: "email")
        let after = Survivorship(policy: policy).goldenProfile(from: observations)
        #expect(after["email"]?.value == "jan.nowak@example.pl")
        #expect(after["familyName"]?.value == "Kowalski")
        #expect(after.changedAttributes(since: before) == ["email"])
        #expect(after.values.map(\.attribute) == ["email", "familyName"])
    }
}
