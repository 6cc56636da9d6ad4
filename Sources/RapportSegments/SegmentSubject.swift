/// What is known about one person, by field name, for evaluating a rule in memory.
///
/// A missing field is unknown (SQL's NULL); a missing set field is the empty set.
/// Amounts are in major units, as rules write them.
public struct SegmentSubject: Sendable, Hashable {
    /// The values by field name.
    public var values: [String: SegmentSubjectValue]
    /// The keys of the frozen (static) segments the person is a member of.
    public var frozenSegments: Set<String>

    /// Nothing known yet.
    public init() { self.init(values: [:]) }

    public init(values: [String: SegmentSubjectValue], frozenSegments: Set<String> = []) {
        self.values = values
        self.frozenSegments = frozenSegments
    }

    public subscript(field: String) -> SegmentSubjectValue? {
        get { values[field] }
        set { values[field] = newValue }
    }
}

extension SegmentSubject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, SegmentSubjectValue)...) {
        self.init(values: Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// One value of a person's field.
public enum SegmentSubjectValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case boolean(Bool)
    case date(SegmentDate)
    case set(Set<String>)

    /// The value as a number, or nil.
    var number: Double? { if case .number(let n) = self { n } else { nil } }

    /// The value as text, or nil.
    var text: String? { if case .text(let s) = self { s } else { nil } }

    /// The value as a date; ISO text counts, as it does in the SQL stores.
    var date: SegmentDate? {
        switch self {
        case .date(let d): d
        case .text(let s): SegmentDate(iso: s)
        default: nil
        }
    }

    var boolean: Bool? { if case .boolean(let b) = self { b } else { nil } }

    /// The value as a set; one text value is a set of one.
    var set: Set<String>? {
        switch self {
        case .set(let s): s
        case .text(let s): [s]
        default: nil
        }
    }
}

extension SegmentSubjectValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(arrayLiteral elements: String...) { self = .set(Set(elements)) }
}
