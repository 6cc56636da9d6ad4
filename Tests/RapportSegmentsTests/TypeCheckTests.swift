import Foundation
import Testing

@testable import RapportSegments

@Suite("R3.2 segment rules: checking fields and types against the schema")
struct TypeCheckTests {
    typealias F = Fixtures

    @Test("an unknown field is rejected at its position with the nearest name")
    func unknownField() {
        let error = F.error("frequency > 2 and spnd > 100")
        #expect(error?.code == .unknownField)
        #expect(error?.field == "spnd")
        #expect(error?.path == "and[1].field")
        #expect(error?.description == "line 1, column 19: Unknown field 'spnd' — did you mean 'spend'?")
        #expect(F.error("Spend > 1")?.message == "Unknown field 'Spend' — did you mean 'spend'?")
        #expect(
            F.error(#"favourite_game = "Catan""#)?.message
                == "Unknown field 'favourite_game' — did you mean 'attr.favourite_game'?")
        #expect(F.error("zzzzzz > 1")?.message == "Unknown field 'zzzzzz'.")
    }

    @Test("a literal of the wrong type is rejected at the literal")
    func wrongLiteralType() {
        let quotedNumber = F.error(#"spend > "100""#)
        #expect(quotedNumber?.code == .wrongType)
        #expect(quotedNumber?.lineColumn == [1, 9])
        #expect(quotedNumber?.message == "'spend' is an amount of money; write 100 without quotes.")
        #expect(F.error(#"frequency = "many""#)?.code == .wrongType)
        let number = F.error("country = 12")
        #expect(number?.message == #"'country' holds text; put the value in double quotes: "12"."#)
        #expect(F.error("has_email = 1")?.code == .wrongType)
        #expect(F.error("last_purchase > 30")?.message.hasPrefix("'last_purchase' is a date, not number") == true)
        #expect(F.error(#"last_purchase > "last week""#)?.code == .wrongType)
        let inList = F.error(#"country in ("PL", 2, "US")"#)
        #expect(inList?.lineColumn == [1, 19])
        #expect(inList?.path == "values[1]")
    }

    @Test("a choice outside the allowed values is rejected with the nearest choice")
    func choices() {
        let error = F.error(#"channel = "emial""#)
        #expect(error?.code == .unknownChoice)
        #expect(error?.lineColumn == [1, 11])
        #expect(
            error?.message
                == "'emial' is not a choice of 'channel' — did you mean 'email'? The choices are: "
                + "phone, email, web, mail, in_person, social, sms, chat.")
        #expect(F.error(#"attr.hobbies contains "knitting""#)?.code == .unknownChoice)
        #expect(F.error(#"attr.hobbies contains "board games""#) == nil)
        #expect(F.error(#"products contains "anything at all""#) == nil, "open sets take any text")
    }

    @Test("operators that do not suit the field's type are rejected at the operator")
    func operators() {
        let contains = F.error(#"country contains "PL""#)
        #expect(contains?.code == .unsupportedOperator)
        #expect(contains?.lineColumn == [1, 9])
        #expect(contains?.path == "op")
        #expect(
            contains?.message
                == #"'contains' tests fields that hold several values, such as products; for 'country' write country = "…"."#
        )
        #expect(F.error(#"products = "Catan""#)?.message.hasPrefix("'products' holds several values") == true)
        #expect(F.error(#"products in ("Catan")"#)?.code == .unsupportedOperator)
        #expect(F.error(#"city < "M""#)?.message.hasPrefix("'<' compares numbers and dates") == true)
        #expect(F.error(#"city between "A" and "M""#)?.code == .unsupportedOperator)
        #expect(
            F.error("has_email > true")?.message
                == "'has_email' is yes/no; write has_email, not has_email, or has_email = false.")
        #expect(F.error("has_email in (true)")?.code == .unsupportedOperator)
        let bare = F.error("spend and has_email")
        #expect(bare?.lineColumn == [1, 1])
        #expect(bare?.path == "and[0].field")
        #expect(
            bare?.message
                == "'spend' is an amount of money, not yes/no, so it cannot stand alone; write a test such as spend > 100."
        )
        #expect(F.error("city is empty and products is empty and has_email is not empty") == nil)
    }

    @Test("between wants the low end first")
    func betweenOrder() {
        let error = F.error("spend between 20 and 10")
        #expect(error?.code == .invalidValue)
        #expect(error?.message == "The low end of 'between' comes first: spend between 10 and 20.")
        #expect(F.error("last_purchase between today and 30 days ago")?.code == .invalidValue)
        #expect(F.error("last_purchase between 2026-02-01 and 2026-01-01")?.code == .invalidValue)
        #expect(F.error("spend between 10 and 10") == nil)
    }

    @Test("rules built in code: empty lists and dates counted back too far are refused")
    func programmaticRules() {
        let emptyList = F.schema.problems(in: .field("country", .oneOf([])), for: .reporting)
        #expect(emptyList.map(\.code) == [.invalidValue])
        #expect(emptyList.first?.path == "values")
        let farBack = SegmentRule.field(
            "last_purchase", .compare(.less, .relativeDate(.init(amount: 101, unit: .years))))
        #expect(
            F.schema.problems(in: farBack, for: .reporting).first?.message
                == "Count back at most 100 years: 100 years ago.")
        #expect(F.error("last_purchase > 100 years ago") == nil)
    }

    @Test("a quoted ISO date fits a date field (as JSON clients send it) and becomes a date")
    func quotedDates() throws {
        let checked = try F.check(#"last_purchase > "2026-01-31""#)
        #expect(checked.matches(["last_purchase": .date(SegmentDate(year: 2026, month: 2, day: 1)!)], today: F.today))
        #expect(!checked.matches(["last_purchase": "2026-01-31"], today: F.today))
    }

    @Test("rules read from JSON report the JSON path of the bad node")
    func jsonPaths() throws {
        let json =
            #"{"and": [{"field": "spend", "op": ">", "value": 1}, {"not": {"field": "country", "op": "=", "value": true}}]}"#
        let rule = try SegmentRule(json: Data(json.utf8))
        #expect(throws: SegmentRuleError.self) { try F.schema.check(rule, for: .reporting) }
        let error = F.schema.problems(in: rule, for: .reporting).first
        #expect(error?.path == "and[1].not.value")
        #expect(error?.position == nil)
        #expect(error?.description.hasPrefix("at and[1].not.value: 'country' holds text") == true)
        let empty = SegmentRule.and([])
        #expect(F.schema.problems(in: empty, for: .reporting).first?.code == .invalidValue)
    }

    @Test("every problem is listed in reading order for the builder")
    func allProblems() throws {
        let rule = try F.parse(#"spnd > 1 and country = 3 and channel = "fax" and p_alive > 0.5"#)
        let problems = F.schema.problems(in: rule, for: .contact)
        #expect(problems.map(\.code) == [.unknownField, .wrongType, .unknownChoice, .purpose])
        #expect(problems.compactMap(\.position).map(\.column) == [1, 24, 40, 50])
    }

    @Test("a checked rule lists the fields it depends on and whether it changes with the day")
    func dependencies() throws {
        let checked = try F.check(#"spend > 1 and (country = "PL" or last_purchase > 30 days ago)"#)
        #expect(checked.fieldNames == ["country", "last_purchase", "spend"])
        #expect(checked.dependsOnToday)
        #expect(try !F.check("spend > 1").dependsOnToday)
    }
}

@Suite("R3.2 segment rules: suggestions for misspelt names")
struct SuggestionTests {
    @Test("edit distance counts a swap of neighbours as one slip")
    func editDistance() {
        #expect(Suggestion.editDistance("spnd", "spend") == 1)
        #expect(Suggestion.editDistance("vpi", "vip") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
    }

    @Test("only close names are suggested; case differences always are")
    func closest() {
        let names = ["spend", "frequency", "country"]
        #expect(Suggestion.closest(to: "frequncy", among: names) == "frequency")
        #expect(Suggestion.closest(to: "COUNTRY", among: names) == "country")
        #expect(Suggestion.closest(to: "size", among: names) == nil)
    }
}
