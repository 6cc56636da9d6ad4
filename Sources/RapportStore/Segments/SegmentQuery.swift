import Foundation
import RapportCore
import RapportSegments
import SQLKit

/// The SQL of one segment's membership as a condition over `people p LEFT JOIN
/// customer_metrics m`, with the actor's visibility applied, ready for the queries that
/// count, list, preview or freeze its members.
///
/// A dynamic segment's condition is its compiled rule, so every query reads the current
/// data; a frozen segment's condition is its stored member list.
struct SegmentQuery: Sendable {
    /// `FROM … WHERE …` without the SELECT list.
    static let from = " FROM people p LEFT JOIN customer_metrics m ON m.person_id = p.id"

    /// A boolean SQL condition (parenthesised), with its binds.
    let condition: SQLQueryString

    /// The condition of a checked rule.
    static func rule(
        _ checked: CheckedSegmentRule, catalogue: SegmentCatalogue, today: LocalDate, tiers: ValueTiers,
        kind: Database.Kind
    ) throws -> SegmentQuery {
        let today = SegmentDate(today)
        let mapping = SegmentColumns.mapping(attributes: catalogue.attributes, today: today, tiers: tiers)
        return SegmentQuery(condition: try compile(checked, mapping: mapping, kind: kind, today: today))
    }

    /// The value tiers these rules need: read only when one of them tests a tier.
    static func tiers(for rules: [CheckedSegmentRule], on db: any SQLDatabase) async throws -> ValueTiers {
        rules.contains { $0.fieldNames.contains("value_tier") } ? try await ValueTiers.read(on: db) : .none
    }

    /// A frozen segment's stored list.
    static func frozen(_ id: SegmentID) -> SegmentQuery {
        SegmentQuery(
            condition:
                "(p.id IN (SELECT sm.person_id FROM segment_members sm WHERE sm.segment_id = \(bind: id.rawValue)))")
    }

    /// Compiles for the database's dialect, then hands each bind to SQLKit, which writes
    /// the database's own placeholders.
    static func compile(
        _ checked: CheckedSegmentRule, mapping: SegmentSQLMapping, kind: Database.Kind, today: SegmentDate
    )
        throws -> SQLQueryString
    {
        let dialect: SegmentSQLDialect = kind == .sqlite ? .sqlite : .postgres
        let compiled = try checked.sql(dialect: dialect, mapping: mapping, today: today)
        var query = SQLQueryString("(")
        var binds = compiled.binds[...]
        var literal = ""
        var characters = compiled.sql[...]
        while let character = characters.popFirst() {
            let isPlaceholder =
                dialect == .sqlite ? character == "?" : character == "$" && characters.first?.isNumber == true
            guard isPlaceholder else {
                literal.append(character)
                continue
            }
            if dialect == .postgres { characters = characters.drop(while: \.isNumber) }
            query.appendLiteral(literal)
            literal = ""
            query.appendInterpolation(bind: binds.popFirst().map(Self.value) ?? QueryValue.null)
        }
        query.appendLiteral(literal + ")")
        return query
    }

    private static func value(_ bind: SegmentBind) -> QueryValue {
        switch bind {
        case .text(let text): .text(text)
        case .integer(let number): .integer(number)
        case .double(let number): .real(number)
        case .boolean(let flag): .integer(flag ? 1 : 0)
        case .null: .null
        }
    }

    /// This condition narrowed to the people ``ContactGateSQL`` lets be contacted on `day`
    /// when `purpose` is contact; a reporting segment's condition is left as it is, because
    /// counting people (deceased ones too) is what reporting is for and contacts no one.
    func gated(for purpose: Segment.Purpose, on day: LocalDate) -> SegmentQuery {
        purpose == .contact ? contactable(on: day) : self
    }

    /// This condition narrowed to the people ``ContactGateSQL`` lets be contacted on `day`.
    func contactable(on day: LocalDate) -> SegmentQuery {
        SegmentQuery(condition: "(" + condition + " AND " + ContactGateSQL.mayContact(alias: "p", on: day) + ")")
    }

    /// ` WHERE <visibility> AND <condition>`: partner agents only ever count and see their own
    /// people, and nobody gets a merged person (their data is the survivor's).
    func whereClause(for actor: Actor) -> SQLQueryString {
        var query = SQLQueryString(" WHERE p.merged_into_id IS NULL AND ")
        Visibility.restrictPeople(&query, alias: "p", actor: actor)
        return query + condition
    }

    /// `SELECT COUNT(*) AS n …`.
    func count(for actor: Actor) -> SQLQueryString {
        SQLQueryString("SELECT COUNT(*) AS n" + Self.from) + whereClause(for: actor)
    }
}
