import Testing

@testable import RapportSegments

@Suite("R3.2 segment builder: a rule explained in words")
struct ExplainTests {
    @Test("conditions read as sentences with the fields' labels, groups indented")
    func explain() throws {
        let rule = try SegmentRule(
            parsing: #"spend >= 100 and (country in ("PL", "US") or last_purchase > 30 days ago) "#
                + #"and not (products contains "Catan") and channel != "sms" and in segment "vip" and has_email"#)
        #expect(
            rule.explain(in: Fixtures.schema) == [
                "All of:",
                "  total spend is at least 100",
                "  Any of:",
                "    country is one of PL, US",
                "    last purchase is after 30 days ago",
                "  Not: products bought include Catan",
                "  preferred channel is not sms",
                "  member of segment \"vip\"",
                "  has an e-mail address is yes",
            ])
    }

    @Test("every operator has words; unknown fields fall back to their names")
    func words() throws {
        func words(_ text: String) throws -> String { try SegmentRule(parsing: text).explain(in: Fixtures.schema)[0] }
        #expect(try words("spend between 10 and 20") == "total spend is between 10 and 20")
        #expect(try words("first_purchase <= 2026-01-01") == "first purchase is on or before 2026-01-01")
        #expect(try words(#"brands contains all ("Lego", "Hasbro")"#) == "brands bought include all of Lego, Hasbro")
        #expect(try words("city is empty") == "city is not known")
        #expect(try words("brands is not empty") == "brands bought are at least one")
        #expect(try words(#"country not in ("ID")"#) == "country is none of ID")
        #expect(try words("mystery < 3") == "mystery is less than 3")
        #expect(try words("not has_email = false") == "Not: has an e-mail address is no")
    }
}
