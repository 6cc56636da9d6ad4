/// How the store's SQL holds each field, supplied by the caller.
public struct SegmentSQLMapping: Sendable, Hashable {
    /// The column of each field name.
    public var columns: [String: SegmentColumn]
    /// An SQL condition true when the person is a member of a frozen segment, with
    /// `\(.element)` where the segment's key goes; needed only by rules naming frozen segments.
    public var frozenMembership: SegmentSQLTemplate?

    public init(columns: [String: SegmentColumn] = [:], frozenMembership: SegmentSQLTemplate? = nil) {
        self.columns = columns
        self.frozenMembership = frozenMembership
    }

    public subscript(field: String) -> SegmentColumn? {
        get { columns[field] }
        set { columns[field] = newValue }
    }
}

/// Where one field's values live in SQL.
public struct SegmentColumn: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A scalar expression for the current person: `s.recency_days`, or a subselect in
        /// parentheses. NULL means unknown.
        case value(SegmentSQLTemplate)
        /// For a set field: a `SELECT` of one column listing the person's elements (never
        /// NULL), such as the products bought.
        case elements(SegmentSQLTemplate)
        /// For a set field stored as one text joining the elements with `separator`, as
        /// multi-choice attributes are (`"Catan\nAzul"`).
        case delimitedText(SegmentSQLTemplate, separator: String)
    }

    /// How yes/no values are stored.
    public enum BooleanStorage: String, Sendable, Hashable {
        /// A boolean column in PostgreSQL, 0/1 in SQLite.
        case native
        /// The text `true` or `false`, as runtime attributes store them.
        case text
    }

    public var kind: Kind
    public var booleans: BooleanStorage
    /// Numbers are multiplied by this before binding and bound as integers when it is not 1:
    /// 100 for amounts stored in minor units, so `spend >= 19.99` binds 1999.
    public var scale: Int

    public init(_ kind: Kind, booleans: BooleanStorage = .native, scale: Int = 1) {
        self.kind = kind
        self.booleans = booleans
        self.scale = scale
    }

    /// A scalar column or expression.
    public static func value(_ expression: SegmentSQLTemplate, booleans: BooleanStorage = .native, scale: Int = 1)
        -> SegmentColumn
    {
        SegmentColumn(.value(expression), booleans: booleans, scale: scale)
    }

    /// A set field read through a `SELECT` of its elements.
    public static func elements(_ query: SegmentSQLTemplate) -> SegmentColumn { SegmentColumn(.elements(query)) }

    /// A set field stored as delimited text.
    public static func delimitedText(_ expression: SegmentSQLTemplate, separator: String = "\n") -> SegmentColumn {
        SegmentColumn(.delimitedText(expression, separator: separator))
    }

    /// A runtime attribute in Rapport's `attribute_values(person_id, attribute_id, value_text,
    /// value_number)` table: numbers in `value_number`; text, choices, ISO dates and
    /// `true`/`false` in `value_text`; multi-choice values in `value_text` joined by newlines.
    ///
    /// - Parameters:
    ///   - id: the attribute's id, bound (never written into the SQL).
    ///   - person: the SQL expression of the current person's id in the caller's query (trusted SQL).
    public static func attribute(id: String, type: SegmentField.ValueType, person: String = "p.id") -> SegmentColumn {
        let column = type.isNumeric ? "value_number" : "value_text"
        let lookup = SegmentSQLTemplate(parts: [
            .sql(
                "(SELECT sav.\(column) FROM attribute_values sav WHERE sav.person_id = \(person) AND sav.attribute_id = "
            ),
            .bind(.text(id)), .sql(")"),
        ])
        switch type {
        case .set: return .delimitedText(lookup)
        case .boolean: return .value(lookup, booleans: .text)
        default: return .value(lookup)
        }
    }
}
