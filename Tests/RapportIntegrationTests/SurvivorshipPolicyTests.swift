import Foundation
import Testing

@testable import RapportIntegration

@Suite("Survivorship policies as administrators store them")
struct SurvivorshipPolicyTests {
    @Test func aPolicyReadsFromJSONWithDefaults() throws {
        let json = """
            { "default": { "rule": "trusted_source" },
              "attributes": { "email": { "rule": "most_recent" },
                              "familyName": { "rule": "majority", "ignoresEmptyValues": false, "comparison": "exact" } } }
            """
        let policy = try SurvivorshipPolicy(json: Data(json.utf8))
        #expect(policy.setting(for: "email") == AttributeSurvivorship(rule: .mostRecent))
        #expect(
            policy.setting(for: "familyName")
                == AttributeSurvivorship(rule: .majority, ignoresEmptyValues: false, comparison: .exact))
        #expect(policy.setting(for: "phone") == AttributeSurvivorship(rule: .trustedSource))
        #expect(try SurvivorshipPolicy(json: Data("{}".utf8)) == .standard)
    }

    @Test func aPolicyRoundTripsThroughJSON() throws {
        let policy = SurvivorshipPolicy(
            default: .init(rule: .mostComplete, ignoresEmptyValues: false),
            attributes: ["phone": .init(rule: .majority, comparison: .alphanumeric)])
        let data = try JSONEncoder().encode(policy)
        #expect(try SurvivorshipPolicy(json: data) == policy)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"most_complete\"") && text.contains("\"default\""))
    }

    @Test func aBadRuleNamesTheKeyAndTheRulesToUse() {
        let json = #"{ "attributes": { "email": { "rule": "newest" } } }"#
        #expect(
            throws: SurvivorshipPolicyError(
                path: "attributes.email.rule",
                message:
                    "'newest' is not a survivorship rule; use one of: trusted_source, majority, most_recent, most_complete"
            )
        ) {
            try SurvivorshipPolicy(json: Data(json.utf8))
        }
    }

    @Test func otherMistakesAreNamedToo() {
        #expect(throws: SurvivorshipPolicyError(path: "attributes.email.rule", message: "is required")) {
            try SurvivorshipPolicy(json: Data(#"{ "attributes": { "email": { } } }"#.utf8))
        }
        #expect(throws: SurvivorshipPolicyError(path: "default.ignoresEmptyValues", message: "must be true or false")) {
            try SurvivorshipPolicy(
                json: Data(#"{ "default": { "rule": "majority", "ignoresEmptyValues": "yes" } }"#.utf8))
        }
        #expect(throws: SurvivorshipPolicyError(path: "", message: "the document is not valid JSON")) {
            try SurvivorshipPolicy(json: Data("{ rule: majority".utf8))
        }
        #expect(throws: SurvivorshipPolicyError(path: "attributes. ", message: "attribute keys must not be blank")) {
            try SurvivorshipPolicy(json: Data(#"{ "attributes": { " ": { "rule": "majority" } } }"#.utf8))
        }
    }

    @Test func alphanumericComparisonLetsFormattingDifferencesAgree() {
        let policy = SurvivorshipPolicy(default: .init(rule: .majority, comparison: .alphanumeric))
        let value = Survivorship(policy: policy).goldenValue(
            of: "postcode",
            from: [
                Sources.observe("31-123", Sources.callCentre, "2025-01-01", "postcode"),
                Sources.observe("31123", Sources.survey, "2025-01-01", "postcode"),
                Sources.observe("31-124", Sources.webShop, "2025-01-01", "postcode"),
            ])
        #expect(value.value == "31-123")
        #expect(value.explanation.reason == "2 of 3 sources agree (Call centre, Survey).")
    }

    @Test func aGoldenValueCarriesItsWinnerInJSON() throws {
        let value = Survivorship().goldenValue(
            of: "familyName",
            from: [Sources.observe("Żółć", Sources.webShop, "2025-01-01"), Sources.observe("Zolc", Sources.survey, "2025-02-01")])
        let data = try JSONEncoder().encode(value)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["value"] as? String == "Żółć")
        #expect((object["source"] as? [String: Any])?["name"] as? String == "Web shop")
        #expect(try JSONDecoder().decode(GoldenValue.self, from: data) == value)
    }
}
