import Testing

@testable import RapportSegments

@Suite("R3.2 segment rules: parsing every construct")
struct ParserTests {
    typealias F = Fixtures

    @Test("the six comparisons")
    func comparisons() throws {
        let cases: [(String, SegmentComparison)] = [
            ("=", .equal), ("!=", .notEqual), ("<", .less), ("<=", .lessOrEqual), (">", .greater),
            (">=", .greaterOrEqual),
        ]
        for (op, comparison) in cases {
            #expect(try F.parse("spend \(op) 100") == .field("spend", .compare(comparison, 100)))
        }
        #expect(try F.parse("spend>=19.99") == .field("spend", .compare(.greaterOrEqual, 19.99)))
        #expect(try F.parse("p_alive > -0.5") == .field("p_alive", .compare(.greater, -0.5)))
        #expect(try F.parse("clv < 1.5e6") == .field("clv", .compare(.less, 1_500_000)))
        #expect(try F.parse("clv < 2E-3") == .field("clv", .compare(.less, 0.002)))
    }

    @Test("in, not in, contains, contains any, contains all, between, is empty, is not empty")
    func operators() throws {
        #expect(try F.parse(#"country in ("PL", "US")"#) == .field("country", .oneOf(["PL", "US"])))
        #expect(try F.parse(#"country not in ("ID")"#) == .field("country", .noneOf(["ID"])))
        #expect(try F.parse(#"products contains "Catan""#) == .field("products", .contains("Catan")))
        #expect(
            try F.parse(#"brands contains any ("Lego", "Hasbro")"#)
                == .field("brands", .containsAny(["Lego", "Hasbro"])))
        #expect(try F.parse(#"brands contains all ("Lego")"#) == .field("brands", .containsAll(["Lego"])))
        #expect(try F.parse("spend between 10 and 20") == .field("spend", .between(10, 20)))
        #expect(try F.parse("city is empty") == .field("city", .isEmpty))
        #expect(try F.parse("city is not empty") == .field("city", .isNotEmpty))
    }

    @Test("a yes/no field stands alone, with not, or compared with true and false")
    func booleans() throws {
        #expect(try F.parse("has_email") == .field("has_email", .isTrue))
        #expect(try F.parse("not has_email") == .not(.field("has_email", .isTrue)))
        #expect(try F.parse("has_email = false") == .field("has_email", .compare(.equal, false)))
        #expect(try F.parse("has_email != TRUE") == .field("has_email", .compare(.notEqual, true)))
    }

    @Test("or binds loosest, then and, then not; parentheses group")
    func precedence() throws {
        let a = SegmentRule.field("a", .isTrue)
        let b = SegmentRule.field("b", .isTrue)
        let c = SegmentRule.field("c", .isTrue)
        #expect(try F.parse("a or b and c") == .or([a, .and([b, c])]))
        #expect(try F.parse("a and b or c") == .or([.and([a, b]), c]))
        #expect(try F.parse("not a and b") == .and([.not(a), b]))
        #expect(try F.parse("not (a and b)") == .not(.and([a, b])))
        #expect(try F.parse("(a or b) and c") == .and([.or([a, b]), c]))
        #expect(try F.parse("a and b and c") == .and([a, b, c]))
        #expect(try F.parse("a and (b and c)") == .and([a, .and([b, c])]))
        #expect(try F.parse("((a))") == a)
        #expect(try F.parse("not not a") == .not(.not(a)))
    }

    @Test("keywords are case-insensitive")
    func caseInsensitiveKeywords() throws {
        let rule = try F.parse(#"spend > 1 AND Country IN ("PL") Or NOT city IS NOT EMPTY aNd x Between 1 AnD 2"#)
        #expect(
            rule
                == .or([
                    .and([.field("spend", .compare(.greater, 1)), .field("Country", .oneOf(["PL"]))]),
                    .and([.not(.field("city", .isNotEmpty)), .field("x", .between(1, 2))]),
                ]))
        #expect(try F.parse(#"products CONTAINS ANY ("a")"#) == .field("products", .containsAny(["a"])))
        #expect(try F.parse(#"IN SEGMENT "vip""#) == .segment("vip"))
    }

    @Test("strings take escapes and any Unicode: Polish and Indonesian names")
    func strings() throws {
        #expect(try F.parse(#"city = "Łódź""#) == .field("city", .compare(.equal, "Łódź")))
        #expect(
            try F.parse(#"city = "Żółć \"Gęś\" \\ a\tb\nc""#)
                == .field("city", .compare(.equal, "Żółć \"Gęś\" \\ a\tb\nc")))
        #expect(try F.parse(#"city = "\u{17B}\u{F3}\u{142}\u{107}""#) == .field("city", .compare(.equal, "Żółć")))
        #expect(
            try F.parse(#"attr.favourite_game = "Ular Tangga" and city = "Yogyakarta""#).fieldNames
                == ["attr.favourite_game", "city"])
    }

    @Test("dates: ISO literals, today and counts back")
    func dates() throws {
        let d = SegmentDate(year: 2026, month: 1, day: 31)!
        #expect(try F.parse("last_purchase > 2026-01-31") == .field("last_purchase", .compare(.greater, .date(d))))
        #expect(
            try F.parse("last_purchase >= 30 days ago")
                == .field("last_purchase", .compare(.greaterOrEqual, .relativeDate(.init(amount: 30, unit: .days)))))
        #expect(
            try F.parse("last_purchase >= 1 week ago")
                == .field("last_purchase", .compare(.greaterOrEqual, .relativeDate(.init(amount: 1, unit: .weeks)))))
        #expect(
            try F.parse("last_purchase between 3 Months Ago and today")
                == .field(
                    "last_purchase",
                    .between(.relativeDate(.init(amount: 3, unit: .months)), .relativeDate(.today))))
        #expect(
            try F.parse("first_purchase < 2 years ago")
                == .field("first_purchase", .compare(.less, .relativeDate(.init(amount: 2, unit: .years)))))
    }

    @Test("sub-segments by quoted or bare key; fields named like keywords in backticks")
    func segmentsAndBackticks() throws {
        #expect(try F.parse(#"in segment "vip""#) == .segment("vip"))
        #expect(try F.parse("not in segment vip") == .not(.segment("vip")))
        #expect(try F.parse("`empty` = 1") == .field("empty", .compare(.equal, 1)))
        #expect(try F.parse("`odd name` is empty") == .field("odd name", .isEmpty))
    }

    @Test("every node records where it was written, across lines")
    func positions() throws {
        let rule = try F.parse("spend > 100\n  and not country in (\"PL\", \"US\")")
        guard case .and(let parts, let at) = rule, case .condition(let spend) = parts[0],
            case .not(let negated, let notAt) = parts[1], case .condition(let country) = negated
        else {
            Issue.record("unexpected tree \(rule)")
            return
        }
        #expect(at == SourcePosition(line: 1, column: 1, offset: 0))
        #expect(spend.positions?.test == SourcePosition(line: 1, column: 7, offset: 6))
        #expect(spend.positions?.literals == [SourcePosition(line: 1, column: 9, offset: 8)])
        #expect(notAt == SourcePosition(line: 2, column: 7, offset: 18))
        #expect(country.positions?.field == SourcePosition(line: 2, column: 11, offset: 22))
        #expect(country.positions?.literals.map(\.column) == [23, 29])
        let segment = try F.parse("a and  in segment \"vip\"")
        #expect(segment.referencedSegments == ["vip"])
        if case .and(let items, _) = segment { #expect(items[1].position?.column == 8) }
    }

    @Test("columns count characters, so diacritics before an error do not shift it")
    func unicodeColumns() throws {
        let rule = try F.parse("city = \"Żółć\" and spend > 1")
        guard case .and(let parts, _) = rule else { return #expect(Bool(false)) }
        #expect(parts[1].position?.column == 19)
    }
}
