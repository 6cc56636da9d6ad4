/// The six comparisons. Text and choices take only `=` and `!=`; numbers, money and dates
/// take all six.
public enum SegmentComparison: String, Sendable, Hashable, Codable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// True for `<`, `<=`, `>` and `>=`, which need an ordered type.
    public var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// What a condition asks of its field.
public enum SegmentTest: Sendable, Hashable {
    /// `spend >= 100`, `country = "PL"`, `consented = false`.
    case compare(SegmentComparison, SegmentLiteral)
    /// `country in ("PL", "US")`.
    case oneOf([SegmentLiteral])
    /// `country not in ("PL", "US")`.
    case noneOf([SegmentLiteral])
    /// `products contains "Catan"`: the set field holds this value.
    case contains(SegmentLiteral)
    /// `brands contains any ("Lego", "Hasbro")`: the set holds at least one of them.
    case containsAny([SegmentLiteral])
    /// `brands contains all ("Lego", "Hasbro")`: the set holds every one of them.
    case containsAll([SegmentLiteral])
    /// `spend between 10 and 20`, both ends included.
    case between(SegmentLiteral, SegmentLiteral)
    /// `city is empty`: no value (or empty text, or an empty set).
    case isEmpty
    /// `city is not empty`.
    case isNotEmpty
    /// A yes/no field written alone: `newsletter` means `newsletter = true`.
    case isTrue

    /// The operator as written in text and in JSON's `op`; nil for a bare yes/no field.
    public var operatorName: String? {
        switch self {
        case .compare(let c, _): c.rawValue
        case .oneOf: "in"
        case .noneOf: "not in"
        case .contains: "contains"
        case .containsAny: "contains any"
        case .containsAll: "contains all"
        case .between: "between"
        case .isEmpty: "is empty"
        case .isNotEmpty: "is not empty"
        case .isTrue: nil
        }
    }

    /// The literals in the order they are written.
    public var literals: [SegmentLiteral] {
        switch self {
        case .compare(_, let v), .contains(let v): [v]
        case .oneOf(let vs), .noneOf(let vs), .containsAny(let vs), .containsAll(let vs): vs
        case .between(let low, let high): [low, high]
        case .isEmpty, .isNotEmpty, .isTrue: []
        }
    }

    /// True when the JSON form lists its literals under `values` rather than `value`.
    var takesList: Bool {
        switch self {
        case .oneOf, .noneOf, .containsAny, .containsAll, .between: true
        default: false
        }
    }
}
