/// The SQL database a rule is compiled for; what differs between them is named here.
public enum SegmentSQLDialect: String, Sendable, Hashable, CaseIterable {
    case sqlite
    case postgres

    /// The placeholder of the `number`th bind (1-based): `?` or `$1`.
    func placeholder(_ number: Int) -> String {
        switch self {
        case .sqlite: "?"
        case .postgres: "$\(number)"
        }
    }

    /// A yes/no value for a native boolean column: SQLite has none and stores 0 and 1.
    func boolean(_ value: Bool) -> SegmentBind {
        switch self {
        case .sqlite: .integer(value ? 1 : 0)
        case .postgres: .boolean(value)
        }
    }

    /// The function giving the 1-based position of a substring (0 when absent):
    /// `instr(haystack, needle)` in SQLite, `strpos(haystack, needle)` in PostgreSQL.
    var substringPosition: String {
        switch self {
        case .sqlite: "instr"
        case .postgres: "strpos"
        }
    }
}

/// A value bound to a placeholder, never written into the SQL text.
public enum SegmentBind: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case double(Double)
    /// Only PostgreSQL binds booleans; SQLite gets `.integer(0/1)`.
    case boolean(Bool)
    case null
}

/// A compiled rule: a `WHERE` fragment and its binds, in placeholder order.
public struct SegmentSQL: Sendable, Hashable {
    /// A boolean SQL expression, self-contained (safe to join with `AND`).
    public var sql: String
    public var binds: [SegmentBind]

    public init(sql: String, binds: [SegmentBind]) {
        self.sql = sql
        self.binds = binds
    }
}

/// A piece of SQL written by the caller, with binds kept apart from the text. String
/// interpolation builds one safely:
///
/// ```swift
/// let column: SegmentSQLTemplate =
///     "(SELECT v.value_number FROM attribute_values v WHERE v.person_id = p.id AND v.attribute_id = \(bind: id))"
/// let products: SegmentSQLTemplate =
///     "SELECT l.product FROM purchase_lines l JOIN purchases u ON u.id = l.purchase_id WHERE u.person_id = p.id"
/// let members: SegmentSQLTemplate =
///     "p.id IN (SELECT m.person_id FROM segment_members m WHERE m.segment_key = \(.element))"
/// ```
///
/// Literal parts are SQL; `\(bind:)` adds a bind; `\(.element)` marks where the compiler
/// binds the value under test (a frozen segment's key). There is deliberately no way to
/// interpolate a plain string.
public struct SegmentSQLTemplate: Sendable, Hashable, ExpressibleByStringInterpolation {
    public enum Part: Sendable, Hashable {
        case sql(String)
        case bind(SegmentBind)
        /// Where the compiler binds the value under test.
        case element
    }

    /// The slot written `\(.element)`.
    public enum Slot: Sendable { case element }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    public init(stringLiteral value: String) { parts = [.sql(value)] }

    public init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

    public struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { parts.append(.sql(literal)) }

        public mutating func appendInterpolation(bind value: SegmentBind) { parts.append(.bind(value)) }

        public mutating func appendInterpolation(bind text: String) { parts.append(.bind(.text(text))) }

        public mutating func appendInterpolation(_ slot: Slot) { parts.append(.element) }
    }
}
