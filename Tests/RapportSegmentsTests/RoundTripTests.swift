import Foundation
import Testing

@testable import RapportSegments

@Suite("R3.2 segment rules: text → tree → text and tree → JSON → tree")
struct RoundTripTests {
    typealias F = Fixtures

    static let corpus = [
        "spend >= 100",
        #"spend >= 100 and country in ("PL", "US")"#,
        #"recency_days <= 30 or frequency > 5 and not (products contains "Catan")"#,
        #"(a or b) and (c or d) and not (e and f)"#,
        #"brands contains any ("Lego", "Hasbro") and brands contains all ("Lego")"#,
        "spend between 10.5 and 20 and clv < 1e+20 and p_alive > 0.001",
        "last_purchase between 2025-12-01 and today or first_purchase < 3 months ago",
        "last_purchase > 1 day ago and last_purchase < 2 weeks ago",
        #"city = "Żółć \"Gęś\"\n\\" and city != "Bandung""#,
        "has_email and not attr.newsletter or has_email = false",
        "city is empty and postcode is not empty",
        #"in segment "vip" and not in segment "lapsed buyers""#,
        "`odd name` = 1 and `empty` is empty",
        #"country not in ("ID") and p_alive > -1"#,
        "a and (b and (c or d))",
    ]

    @Test("parsing the printed text gives the same tree", arguments: corpus)
    func textRoundTrip(text: String) throws {
        let rule = try F.parse(text)
        let printed = rule.text
        #expect(try F.parse(printed) == rule)
        #expect(try F.parse(printed).text == printed, "canonical text is stable")
    }

    @Test("the JSON form decodes to the same tree", arguments: corpus)
    func jsonRoundTrip(text: String) throws {
        let rule = try F.parse(text)
        let decoded = try SegmentRule(json: rule.json)
        #expect(decoded == rule)
        #expect(decoded.json == rule.json)
    }

    @Test("canonical text: spacing, lower-case keywords, quotes, parentheses only where groups nest")
    func canonicalText() throws {
        #expect(
            try F.parse(#"spend>=100   AND country IN("PL","US")"#).text == #"spend >= 100 and country in ("PL", "US")"#
        )
        #expect(try F.parse("a or b and c").text == "a or (b and c)")
        #expect(try F.parse("not a and b").text == "not a and b")
        #expect(try F.parse("NOT (a OR b)").text == "not (a or b)")
        #expect(try F.parse("x > 3.50").text == "x > 3.5")
        #expect(try F.parse("Spend > 1").text == "Spend > 1", "field names keep their case")
        #expect(try F.parse("x > 0 days ago").text == "x > today")
        #expect(try F.parse("x is NOT empty").text == "x is not empty")
        #expect(try F.parse("in segment vip").text == #"in segment "vip""#)
        #expect(try F.parse(#"x = "tab\there""#).text == #"x = "tab\there""#)
    }

    @Test("the JSON form, as the API sends and receives it")
    func jsonShape() throws {
        let rule = try F.parse(
            #"spend >= 100 and country in ("PL", "US") and not has_email and last_purchase > 30 days ago "#
                + #"and birthday = 2000-02-29 and in segment "vip""#)
        let json = String(decoding: rule.json, as: UTF8.self)
        #expect(
            json
                == #"{"and":[{"field":"spend","op":">=","value":100},{"field":"country","op":"in","values":["PL","US"]},"#
                + #"{"not":{"field":"has_email"}},{"field":"last_purchase","op":">","value":{"ago":30,"unit":"days"}},"#
                + #"{"field":"birthday","op":"=","value":{"date":"2000-02-29"}},{"segment":"vip"}]}"#)
    }

    @Test("JSON from a client: a one-rule group is that rule; ops are read case-insensitively")
    func jsonLeniency() throws {
        let json = #"{"or": [{"field": "brands", "op": "CONTAINS ANY", "values": ["Lego"]}]}"#
        #expect(try SegmentRule(json: Data(json.utf8)) == .field("brands", .containsAny(["Lego"])))
        let between = #"{"field": "spend", "op": "between", "values": [10, 20.5]}"#
        #expect(try SegmentRule(json: Data(between.utf8)) == .field("spend", .between(10, 20.5)))
        let ago = #"{"field": "last_purchase", "op": "<", "value": {"ago": 2}}"#
        #expect(
            try SegmentRule(json: Data(ago.utf8))
                == .field("last_purchase", .compare(.less, .relativeDate(.init(amount: 2, unit: .days)))))
    }

    @Test("bad JSON is rejected with the path of the bad node")
    func jsonErrors() {
        func failure(_ json: String) -> SegmentRuleError? {
            do {
                _ = try SegmentRule(json: Data(json.utf8))
                return nil
            } catch { return error }
        }
        let badOp = failure(
            #"{"and": [{"field": "spend", "op": ">", "value": 1}, {"field": "x", "op": "~", "value": 1}]}"#)
        #expect(badOp?.path == "and[1].op")
        #expect(badOp?.message.hasPrefix("Unknown operator '~'") == true)
        #expect(failure(#"{"and": [{"field": "spend", "op": ">"}]}"#)?.path == "and[0].value")
        #expect(
            failure(#"{"and": [{"field": "spend", "op": ">"}]}"#)?.description == "at and[0].value: 'value' is missing."
        )
        #expect(failure(#"{"and": []}"#)?.path == "and")
        #expect(failure(#"{"not": {"field": 3}}"#)?.path == "not.field")
        #expect(failure(#"{"field": "a", "segment": "b"}"#)?.message.contains("exactly one") == true)
        #expect(failure(#"{}"#)?.code == .syntax)
        #expect(failure(#"{"field": "spend", "op": "between", "values": [1]}"#)?.path == "values")
        #expect(failure(#"{"field": "d", "op": "=", "value": {"date": "2026-13-01"}}"#)?.path == "value.date")
        #expect(failure(#"{"field": "d", "op": "=", "value": [1]}"#)?.path == "value")
        #expect(failure("{not json")?.code == .syntax)
    }

    @Test("definitions and schemas have a JSON form too")
    func definitionsAndSchema() throws {
        let definition = SegmentDefinition.dynamic("vip", rule: try F.parse("spend > 1000"))
        let data = try JSONEncoder().encode(definition)
        #expect(try JSONDecoder().decode(SegmentDefinition.self, from: data) == definition)
        let frozen = SegmentDefinition.frozen("mailing", purpose: .reporting)
        #expect(try JSONDecoder().decode(SegmentDefinition.self, from: JSONEncoder().encode(frozen)) == frozen)
        let schema = try JSONDecoder().decode(SegmentSchema.self, from: JSONEncoder().encode(F.schema))
        #expect(schema == F.schema)
        #expect(schema["p_alive"]?.purpose == .analyticsOnly)
    }
}
