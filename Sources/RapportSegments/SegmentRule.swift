/// A segment rule: conditions on fields and references to other segments, combined with
/// `and`, `or` and `not`.
///
/// The same tree is written as text (`SegmentRule(parsing:)`, `text`) and as JSON
/// (`Codable`). Every node may carry the position it was written at; equality and hashing
/// ignore positions, so `SegmentRule(parsing: rule.text) == rule`.
public indirect enum SegmentRule: Sendable {
    /// Every rule holds: `a and b and c`.
    case and([SegmentRule], at: SourcePosition? = nil)
    /// At least one rule holds: `a or b`.
    case or([SegmentRule], at: SourcePosition? = nil)
    /// The rule does not hold: `not a`.
    case not(SegmentRule, at: SourcePosition? = nil)
    /// A test of one field.
    case condition(SegmentCondition)
    /// Membership of another segment, by key: `in segment "vip"`.
    case segment(String, at: SourcePosition? = nil)

    /// A condition built in code: `.field("spend", .compare(.greater, 100))`.
    public static func field(_ name: String, _ test: SegmentTest) -> SegmentRule {
        .condition(SegmentCondition(field: name, test: test))
    }

    /// Where the node starts in the text it was parsed from: a group starts at its first
    /// operand, `not` at its keyword, a condition at its field.
    public var position: SourcePosition? {
        switch self {
        case .and(_, let at), .or(_, let at), .not(_, let at), .segment(_, let at): at
        case .condition(let c): c.positions?.field
        }
    }

    /// The keys of the segments this rule names directly (not through other segments).
    public var referencedSegments: [String] {
        switch self {
        case .and(let rules, _), .or(let rules, _): rules.flatMap(\.referencedSegments)
        case .not(let rule, _): rule.referencedSegments
        case .condition: []
        case .segment(let key, _): [key]
        }
    }

    /// The field names this rule uses directly (not through other segments), in order.
    public var fieldNames: [String] {
        switch self {
        case .and(let rules, _), .or(let rules, _): rules.flatMap(\.fieldNames)
        case .not(let rule, _): rule.fieldNames
        case .condition(let c): [c.field]
        case .segment: []
        }
    }
}

extension SegmentRule: Hashable {
    public static func == (lhs: SegmentRule, rhs: SegmentRule) -> Bool {
        switch (lhs, rhs) {
        case (.and(let a, _), .and(let b, _)), (.or(let a, _), .or(let b, _)): a == b
        case (.not(let a, _), .not(let b, _)): a == b
        case (.condition(let a), .condition(let b)): a == b
        case (.segment(let a, _), .segment(let b, _)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .and(let rules, _):
            hasher.combine(0)
            hasher.combine(rules)
        case .or(let rules, _):
            hasher.combine(1)
            hasher.combine(rules)
        case .not(let rule, _):
            hasher.combine(2)
            hasher.combine(rule)
        case .condition(let c):
            hasher.combine(3)
            hasher.combine(c)
        case .segment(let key, _):
            hasher.combine(4)
            hasher.combine(key)
        }
    }
}
