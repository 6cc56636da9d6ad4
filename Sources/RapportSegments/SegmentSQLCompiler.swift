extension CheckedSegmentRule {
    /// Compiles the rule to a `WHERE` fragment for `dialect`, with every value bound.
    ///
    /// The fragment answers exactly as `matches(_:today:)` does. Relative dates are resolved
    /// against `today` and bound as ISO text, so the SQL is valid for that day only.
    ///
    /// - Parameters:
    ///   - mapping: the SQL column of every field the rule uses.
    ///   - firstPlaceholder: the number of the first PostgreSQL placeholder (`$n`), for a
    ///     fragment placed after other binds in a larger query.
    /// - Throws: `.unmappedField` when the mapping lacks a field the rule needs (a caller's fault).
    public func sql(
        dialect: SegmentSQLDialect, mapping: SegmentSQLMapping, today: SegmentDate, firstPlaceholder: Int = 1
    ) throws(SegmentRuleError) -> SegmentSQL {
        var compiler = SegmentSQLCompiler(
            dialect: dialect, mapping: mapping, today: today, nextPlaceholder: firstPlaceholder)
        try compiler.compile(resolved, negated: false)
        return SegmentSQL(sql: compiler.sql, binds: compiler.binds)
    }
}

/// Writes SQL text and binds side by side, numbering placeholders as it goes.
struct SegmentSQLCompiler {
    let dialect: SegmentSQLDialect
    let mapping: SegmentSQLMapping
    let today: SegmentDate
    var nextPlaceholder: Int
    var sql = ""
    var binds: [SegmentBind] = []

    init(dialect: SegmentSQLDialect, mapping: SegmentSQLMapping, today: SegmentDate, nextPlaceholder: Int) {
        self.dialect = dialect
        self.mapping = mapping
        self.today = today
        self.nextPlaceholder = nextPlaceholder
    }

    private mutating func emit(_ text: String) { sql += text }

    private mutating func bind(_ value: SegmentBind) {
        sql += dialect.placeholder(nextPlaceholder)
        nextPlaceholder += 1
        binds.append(value)
    }

    private mutating func emit(_ template: SegmentSQLTemplate, element: SegmentBind? = nil) {
        for part in template.parts {
            switch part {
            case .sql(let text): emit(text)
            case .bind(let value): bind(value)
            case .element: bind(element ?? .null)
            }
        }
    }

    /// `negated` is true under an odd number of `not`s, where an unknown sub-segment
    /// membership must count as false (so `not in segment "vip"` keeps people vip cannot judge).
    mutating func compile(_ rule: ResolvedRule, negated: Bool) throws(SegmentRuleError) {
        switch rule {
        case .and(let rules), .or(let rules):
            let joiner = if case .and = rule { " AND " } else { " OR " }
            emit("(")
            for (index, child) in rules.enumerated() {
                if index > 0 { emit(joiner) }
                try compile(child, negated: negated)
            }
            emit(")")
        case .not(let inner):
            if Self.isGroup(inner) {
                emit("NOT ")
                try compile(inner, negated: !negated)
            } else {
                emit("NOT (")
                try compile(inner, negated: !negated)
                emit(")")
            }
        case .dynamicSegment(_, let inner):
            guard negated else { return try compile(inner, negated: false) }
            if !Self.isGroup(inner) { emit("(") }
            try compile(inner, negated: false)
            emit(Self.isGroup(inner) ? " IS TRUE" : ") IS TRUE")
        case .frozenSegment(let site):
            guard let membership = mapping.frozenMembership else {
                throw SegmentRuleError(
                    .unmappedField, "Segment '\(site.key)' is frozen, but the SQL mapping has no frozenMembership.",
                    position: site.position, path: site.path)
            }
            emit("(")
            emit(membership, element: .text(site.key))
            emit(")")
        case .condition(let field, let condition, let path):
            guard let column = mapping[field.name] else {
                throw SegmentRuleError(
                    .unmappedField, "The SQL mapping has no column for field '\(field.name)'.",
                    position: condition.positions?.field, path: path, field: field.name)
            }
            try compile(condition.test, field: field, column: column, path: path)
        }
    }

    /// True for `and`/`or`, which the compiler already wraps in parentheses.
    private static func isGroup(_ rule: ResolvedRule) -> Bool {
        switch rule {
        case .and, .or: true
        default: false
        }
    }

    private mutating func compile(_ test: SegmentTest, field: SegmentField, column: SegmentColumn, path: String)
        throws(SegmentRuleError)
    {
        switch (column.kind, field.type) {
        case (.value(let expression), let type) where type != .set:
            scalar(test, field: field, column: column, expression: expression)
        case (.elements(let query), .set):
            elements(test, query: query)
        case (.delimitedText(let expression, let separator), .set):
            delimited(test, expression: expression, separator: separator)
        default:
            throw SegmentRuleError(
                .unmappedField,
                field.type == .set
                    ? "Field '\(field.name)' holds several values; map it with .elements or .delimitedText."
                    : "Field '\(field.name)' holds one value; map it with .value.",
                path: path, field: field.name)
        }
    }

    private mutating func scalar(
        _ test: SegmentTest, field: SegmentField, column: SegmentColumn, expression: SegmentSQLTemplate
    ) {
        let textual = field.type.isTextual
        func value(_ literal: SegmentLiteral) -> SegmentBind { bindValue(literal, field: field, column: column) }
        switch test {
        case .isTrue:
            emit(expression)
            emit(" = ")
            bind(value(.boolean(true)))
        case .isEmpty:
            if textual { emit("(") }
            emit(expression)
            emit(" IS NULL")
            if textual {
                emit(" OR ")
                emit(expression)
                emit(" = '')")
            }
        case .isNotEmpty:
            if textual { emit("(") }
            emit(expression)
            emit(" IS NOT NULL")
            if textual {
                emit(" AND ")
                emit(expression)
                emit(" <> '')")
            }
        case .compare(let op, let literal):
            emit(expression)
            emit(" \(op == .notEqual ? "<>" : op.rawValue) ")
            bind(value(literal))
        case .oneOf(let literals), .noneOf(let literals):
            emit(expression)
            if case .noneOf = test { emit(" NOT") }
            emit(" IN (")
            for (index, literal) in literals.enumerated() {
                if index > 0 { emit(", ") }
                bind(value(literal))
            }
            emit(")")
        case .between(let low, let high):
            emit(expression)
            emit(" BETWEEN ")
            bind(value(low))
            emit(" AND ")
            bind(value(high))
        case .contains, .containsAny, .containsAll:
            break  // refused by the checker for scalar fields
        }
    }

    private mutating func elements(_ test: SegmentTest, query: SegmentSQLTemplate) {
        switch test {
        case .isEmpty, .isNotEmpty:
            if case .isEmpty = test { emit("NOT ") }
            emit("EXISTS (")
            emit(query)
            emit(")")
        default:
            contains(test) { compiler, literal in
                compiler.bind(.text(literal.textValue))
                compiler.emit(" IN (")
                compiler.emit(query)
                compiler.emit(")")
            }
        }
    }

    private mutating func delimited(_ test: SegmentTest, expression: SegmentSQLTemplate, separator: String) {
        switch test {
        case .isEmpty:
            emit("(")
            emit(expression)
            emit(" IS NULL OR ")
            emit(expression)
            emit(" = '')")
        case .isNotEmpty:
            emit("(")
            emit(expression)
            emit(" IS NOT NULL AND ")
            emit(expression)
            emit(" <> '')")
        default:
            // The separator on both sides makes "Catan" not match inside "Catan Junior".
            contains(test) { compiler, literal in
                compiler.emit("\(compiler.dialect.substringPosition)(")
                compiler.bind(.text(separator))
                compiler.emit(" || COALESCE(")
                compiler.emit(expression)
                compiler.emit(", '') || ")
                compiler.bind(.text(separator))
                compiler.emit(", ")
                compiler.bind(.text(separator + literal.textValue + separator))
                compiler.emit(") > 0")
            }
        }
    }

    /// `contains`, `contains any` (OR) and `contains all` (AND) from one membership test.
    private mutating func contains(_ test: SegmentTest, _ member: (inout SegmentSQLCompiler, SegmentLiteral) -> Void) {
        let (literals, joiner): ([SegmentLiteral], String) =
            switch test {
            case .containsAll(let vs): (vs, " AND ")
            default: (test.literals, " OR ")
            }
        if literals.count > 1 { emit("(") }
        for (index, literal) in literals.enumerated() {
            if index > 0 { emit(joiner) }
            member(&self, literal)
        }
        if literals.count > 1 { emit(")") }
    }

    /// A literal as its column stores it: scaled integers for minor units, ISO text for
    /// dates, the dialect's or the column's booleans.
    private func bindValue(_ literal: SegmentLiteral, field: SegmentField, column: SegmentColumn) -> SegmentBind {
        switch literal {
        case .text(let s): return .text(s)
        case .boolean(let b): return column.booleans == .text ? .text(b ? "true" : "false") : dialect.boolean(b)
        case .date, .relativeDate: return .text(literal.dateValue(today: today)?.description ?? "")
        case .number(let n):
            let scaled = n * Double(column.scale)
            // Beyond ±9e15 a double no longer holds every integer; such bounds bind as doubles.
            guard abs(scaled) < 9e15 else { return .double(scaled) }
            if column.scale != 1 { return .integer(Int64(scaled.rounded())) }
            return scaled == scaled.rounded() ? .integer(Int64(scaled)) : .double(scaled)
        }
    }
}
