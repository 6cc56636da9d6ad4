/// A recursive-descent parser for rule text. Precedence, loosest first: `or`, `and`, `not`;
/// parentheses group. Every node records the position it starts at.
///
/// Grammar (keywords case-insensitive):
/// ```
/// rule      = and { "or" and }
/// and       = unary { "and" unary }
/// unary     = "not" unary | "(" rule ")" | "in" "segment" key | condition
/// condition = field [ op value | ["not"] "in" list | "contains" value
///                   | "contains" ("any" | "all") list | "between" value "and" value
///                   | "is" ["not"] "empty" ]
/// value     = "text" | number | YYYY-MM-DD | true | false | today | integer unit "ago"
/// list      = "(" value { "," value } ")"
/// ```
struct SegmentRuleParser {
    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 100

    private let tokens: [SegmentToken]
    private var index = 0
    private var depth = 0

    private init(tokens: [SegmentToken]) { self.tokens = tokens }

    static func parse(_ text: String) throws(SegmentRuleError) -> SegmentRule {
        var parser = SegmentRuleParser(tokens: try SegmentRuleLexer.tokens(text))
        if parser.current.kind == .end {
            throw SegmentRuleError(.syntax, "The rule is empty; write a condition such as spend > 100.")
        }
        let rule = try parser.disjunction()
        let extra = parser.current
        switch extra.kind {
        case .end: return rule
        case .symbol(")"): throw parser.error("This ')' has no matching '('.", at: extra)
        default: throw parser.error("Expected 'and' or 'or' before \(extra.shown).", at: extra)
        }
    }

    private var current: SegmentToken { tokens[index] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func error(_ message: String, at token: SegmentToken? = nil) -> SegmentRuleError {
        SegmentRuleError(.syntax, message, position: (token ?? current).position)
    }

    private func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }

    private mutating func nest() throws(SegmentRuleError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("The rule nests deeper than \(Self.maximumDepth) levels; flatten it or use sub-segments.")
        }
    }

    private mutating func disjunction() throws(SegmentRuleError) -> SegmentRule {
        var rules = [try conjunction()]
        while current.keyword == "or" {
            advance()
            rules.append(try conjunction())
        }
        return rules.count == 1 ? rules[0] : .or(rules, at: rules[0].position)
    }

    private mutating func conjunction() throws(SegmentRuleError) -> SegmentRule {
        var rules = [try unary()]
        while current.keyword == "and" {
            advance()
            rules.append(try unary())
        }
        return rules.count == 1 ? rules[0] : .and(rules, at: rules[0].position)
    }

    private mutating func unary() throws(SegmentRuleError) -> SegmentRule {
        let start = current
        if start.keyword == "not" {
            advance()
            try nest()
            defer { depth -= 1 }
            return .not(try unary(), at: start.position)
        }
        if isSymbol("(") {
            advance()
            try nest()
            defer { depth -= 1 }
            if isSymbol(")") { throw error("Empty parentheses; put a condition inside them.") }
            let rule = try disjunction()
            guard isSymbol(")") else {
                throw error("Expected ')' to close the '(' at \(start.position), found \(current.shown).")
            }
            advance()
            return rule
        }
        if start.keyword == "in" { return try segmentReference() }
        return .condition(try condition())
    }

    private mutating func segmentReference() throws(SegmentRuleError) -> SegmentRule {
        let start = current
        advance()
        guard current.keyword == "segment" else {
            throw error(
                "Write 'in segment \"key\"' to use another segment; a field comes before 'in': country in (\"PL\").")
        }
        advance()
        switch current.kind {
        case .string(let key), .word(let key, _):
            advance()
            return .segment(key, at: start.position)
        default:
            throw error("Expected the segment's key after 'in segment', such as in segment \"vip\".")
        }
    }

    private mutating func condition() throws(SegmentRuleError) -> SegmentCondition {
        let fieldToken = current
        guard case .word(let field, let quoted) = fieldToken.kind else {
            throw error("Expected a condition such as spend > 100, found \(current.shown).")
        }
        if !quoted, let keyword = fieldToken.keyword, SegmentRuleLexer.keywords.contains(keyword) {
            throw error(
                "Expected a field before '\(field)'; a field named like a keyword is written in backticks: `\(field)`.")
        }
        advance()
        let testToken = current
        var literals: [SourcePosition] = []
        let test: SegmentTest
        switch (testToken.kind, testToken.keyword) {
        case (.symbol(let s), _) where SegmentComparison(rawValue: s) != nil:
            advance()
            test = .compare(SegmentComparison(rawValue: s)!, try value(after: testToken, into: &literals))
        case (_, "in"):
            advance()
            test = .oneOf(try list(after: "in", into: &literals))
        case (_, "not"):
            advance()
            guard current.keyword == "in" else {
                throw error(
                    "After '\(field) not' write 'in (…)'; to negate a whole condition put 'not' first: not \(field) = …."
                )
            }
            advance()
            test = .noneOf(try list(after: "not in", into: &literals))
        case (_, "contains"):
            advance()
            if let mode = current.keyword, mode == "any" || mode == "all" {
                advance()
                let values = try list(after: "contains \(mode)", into: &literals)
                test = mode == "any" ? .containsAny(values) : .containsAll(values)
            } else {
                test = .contains(try value(after: testToken, into: &literals))
            }
        case (_, "between"):
            advance()
            let low = try value(after: testToken, into: &literals)
            guard current.keyword == "and" else {
                throw error("Write both ends of the range: \(field) between 10 and 20.")
            }
            let andToken = current
            advance()
            test = .between(low, try value(after: andToken, into: &literals))
        case (_, "is"):
            advance()
            let negated = current.keyword == "not"
            if negated { advance() }
            guard current.keyword == "empty" else {
                throw error("Write '\(field) is empty' or '\(field) is not empty'; compare values with '='.")
            }
            advance()
            test = negated ? .isNotEmpty : .isEmpty
        case (.symbol("("), _), (.string, _), (.number, _), (.date, _):
            throw error("Expected an operator after '\(field)', such as =, in (…), contains or between.")
        default:
            return SegmentCondition(
                field: field, test: .isTrue, positions: .init(field: fieldToken.position, test: nil, literals: []))
        }
        return SegmentCondition(
            field: field, test: test,
            positions: .init(field: fieldToken.position, test: testToken.position, literals: literals))
    }

    private mutating func list(after op: String, into positions: inout [SourcePosition]) throws(SegmentRuleError)
        -> [SegmentLiteral]
    {
        guard isSymbol("(") else {
            throw error("Write the values of '\(op)' in parentheses: \(op) (\"PL\", \"US\").")
        }
        let open = current
        advance()
        if isSymbol(")") { throw error("The list after '\(op)' is empty; give at least one value.") }
        var values = [try value(after: open, into: &positions)]
        while isSymbol(",") {
            let comma = current
            advance()
            values.append(try value(after: comma, into: &positions))
        }
        guard isSymbol(")") else {
            throw error("Expected ',' or ')' in the list that starts at \(open.position), found \(current.shown).")
        }
        advance()
        return values
    }

    private mutating func value(after previous: SegmentToken, into positions: inout [SourcePosition])
        throws(SegmentRuleError) -> SegmentLiteral
    {
        let token = current
        let literal: SegmentLiteral
        switch (token.kind, token.keyword) {
        case (.string(let s), _): literal = .text(s)
        case (.date(let d), _): literal = .date(d)
        case (.number(let n), _):
            advance()
            if let unit = Self.unit(current.keyword) {
                positions.append(token.position)
                return .relativeDate(try relativeDate(amount: n, unit: unit, at: token))
            }
            positions.append(token.position)
            return .number(n)
        case (_, "true"), (_, "false"): literal = .boolean(token.keyword == "true")
        case (_, "today"): literal = .relativeDate(.today)
        default:
            throw error(
                "Expected a value after \(previous.shown): a number, \"text\", a date (2026-01-31), true, false "
                    + "or 30 days ago; found \(token.shown).")
        }
        advance()
        positions.append(token.position)
        return literal
    }

    private mutating func relativeDate(amount: Double, unit: RelativeDate.Unit, at token: SegmentToken)
        throws(SegmentRuleError) -> RelativeDate
    {
        guard amount >= 0, amount == amount.rounded(), amount < 100_000 else {
            throw error("Count whole \(unit.rawValue) back from today: 30 days ago.", at: token)
        }
        advance()
        guard current.keyword == "ago" else {
            throw error("Write 'ago' after the \(unit.rawValue): \(Int(amount)) \(unit.rawValue) ago.")
        }
        advance()
        return RelativeDate(amount: Int(amount), unit: unit)
    }

    private static func unit(_ word: String?) -> RelativeDate.Unit? {
        guard let word else { return nil }
        return RelativeDate.Unit(rawValue: word) ?? RelativeDate.Unit(rawValue: word + "s")
    }
}

extension SegmentRule {
    /// Parses rule text, recording the position of every node.
    ///
    /// Checks only the grammar; `SegmentSchema.check` checks fields, types and purpose.
    public init(parsing text: String) throws(SegmentRuleError) {
        self = try SegmentRuleParser.parse(text)
    }
}
