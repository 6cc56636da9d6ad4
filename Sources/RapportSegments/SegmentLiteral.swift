/// A value written in a rule: `"PL"`, `100`, `19.99`, `true`, `2026-01-31`, `30 days ago`.
///
/// The literal keeps the form it was written in; the checker decides, from the field's type,
/// whether it fits (a quoted `"2026-01-31"` is accepted for a date field, so JSON clients may
/// send dates as strings).
public enum SegmentLiteral: Sendable, Hashable {
    case text(String)
    case number(Double)
    case boolean(Bool)
    case date(SegmentDate)
    case relativeDate(RelativeDate)

    /// The literal in canonical rule text: strings quoted and escaped, whole numbers
    /// without a decimal point.
    public var text: String {
        switch self {
        case .text(let s): Self.quoted(s)
        case .number(let n): Self.numberText(n)
        case .boolean(let b): b ? "true" : "false"
        case .date(let d): d.description
        case .relativeDate(let r): r.text
        }
    }

    /// What kind of value this is, for messages: "text", "number", "yes/no value", "date".
    public var kindName: String {
        switch self {
        case .text: "text"
        case .number: "number"
        case .boolean: "yes/no value"
        case .date, .relativeDate: "date"
        }
    }

    static func numberText(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }

    /// A double-quoted string with `\"`, `\\` and control characters escaped; every other
    /// character (ż, ó, é, emoji) is written as is.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension SegmentLiteral: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}
