import Testing

@testable import RapportSegments

@Suite("R3.2 segment rules: syntax errors name the position and the fix")
struct SyntaxErrorTests {
    /// The error parsing `text` raises.
    func failure(_ text: String) -> SegmentRuleError? {
        do {
            _ = try SegmentRule(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing value is reported where the value should be")
    func missingValue() {
        let error = failure("spend >")
        #expect(error?.code == .syntax)
        #expect(error?.lineColumn == [1, 8])
        #expect(error?.description.hasPrefix("line 1, column 8: Expected a value after '>'") == true)
    }

    @Test("an unclosed parenthesis points at the end and names the opening one")
    func unclosedParenthesis() {
        let error = failure("(spend > 1 or frequency > 2")
        #expect(error?.lineColumn == [1, 28])
        #expect(error?.message == "Expected ')' to close the '(' at line 1, column 1, found the end of the rule.")
        #expect(failure("spend > 1)")?.message == "This ')' has no matching '('.")
        #expect(failure("()")?.lineColumn == [1, 2])
    }

    @Test("two conditions without and/or")
    func missingJoiner() {
        let error = failure(#"spend > 1 country = "PL""#)
        #expect(error?.lineColumn == [1, 11])
        #expect(error?.message == "Expected 'and' or 'or' before 'country'.")
    }

    @Test("habits from SQL and programming languages get a hint")
    func habits() {
        #expect(failure("spend == 1")?.message == "'==' is written '=' in a segment rule.")
        #expect(failure("spend <> 1")?.message == "'<>' is written '!=' in a segment rule.")
        #expect(failure("a && b")?.message == "'&&' is written 'and' in a segment rule.")
        #expect(failure("a || b")?.lineColumn == [1, 3])
        #expect(failure("!a")?.message == "'!' is written 'not' in a segment rule.")
        #expect(failure("country = 'PL'")?.message == "Text values take straight double quotes: \"like this\".")
        #expect(failure("country = 'PL'")?.lineColumn == [1, 11])
    }

    @Test("strings: unterminated, unknown escapes, bad Unicode escapes")
    func strings() {
        #expect(failure(#"city = "Kraków"#)?.message == "This text value has no closing double quote.")
        #expect(failure(#"city = "Kraków"#)?.lineColumn == [1, 8])
        #expect(failure(#"city = "a\qb""#)?.lineColumn == [1, 10])
        #expect(failure(#"city = "\u{110000}""#)?.code == .syntax)
    }

    @Test("dates must exist; relative dates need whole units and 'ago'")
    func dates() {
        #expect(
            failure("last_purchase > 2026-02-30")?.message
                == "'2026-02-30' is not a date in the calendar; write dates as YYYY-MM-DD.")
        #expect(failure("last_purchase > 30 days")?.message == "Write 'ago' after the days: 30 days ago.")
        #expect(failure("last_purchase > 1.5 days ago")?.lineColumn == [1, 17])
        #expect(failure("spend > 30days")?.code == .syntax)
    }

    @Test("lists need parentheses and at least one value")
    func lists() {
        #expect(failure(#"country in "PL""#)?.message == #"Write the values of 'in' in parentheses: in ("PL", "US")."#)
        #expect(failure("country in ()")?.message == "The list after 'in' is empty; give at least one value.")
        #expect(failure(#"country in ("PL" "US")"#)?.lineColumn == [1, 18])
        #expect(failure("spend between 1")?.message == "Write both ends of the range: spend between 10 and 20.")
        #expect(failure("city is nothing")?.lineColumn == [1, 9])
        #expect(failure(#"country not "PL""#)?.lineColumn == [1, 13])
    }

    @Test("errors on later lines give the right line and column")
    func multiLine() {
        let error = failure("spend > 100\nand frequency >\n")
        #expect(error?.lineColumn == [3, 1])
        let second = failure("spend > 100 and\n   country = PL")
        #expect(second?.lineColumn == [2, 14])
    }

    @Test("an empty rule, a dangling keyword, a keyword as field, a segment without key")
    func fragments() {
        #expect(failure("  ")?.message == "The rule is empty; write a condition such as spend > 100.")
        #expect(failure("spend > 1 and")?.lineColumn == [1, 14])
        #expect(failure("and spend > 1")?.lineColumn == [1, 1])
        #expect(failure("in vip")?.code == .syntax)
        #expect(failure("in segment")?.lineColumn == [1, 11])
        #expect(
            failure(#"spend "x""#)?.message
                == "Expected an operator after 'spend', such as =, in (…), contains or between.")
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func depth() {
        let deep = String(repeating: "(", count: 200) + "a" + String(repeating: ")", count: 200)
        #expect(failure(deep)?.message.contains("nests deeper") == true)
        let nots = String(repeating: "not ", count: 150) + "a"
        #expect(failure(nots)?.code == .syntax)
        #expect(failure(String(repeating: "(", count: 50) + "a" + String(repeating: ")", count: 50)) == nil)
    }
}
