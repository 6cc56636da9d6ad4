import Foundation
import RapportCore
import RapportSegments
import SQLKit

/// Who is in a segment, evaluated on the current data: dynamic segments compile their rule
/// to SQL each time (no stored membership to go stale), frozen ones read their list.
/// Partner agents only ever count and see their own people. Contact segments hold only the
/// people ``ContactGate`` lets be contacted (suppressed or merged people never); reporting
/// segments count everyone (see ``SegmentQuery/gated(for:on:)``).
extension SegmentRepository {
    /// A page of a segment's members in id order (keyset pagination). Records the read.
    public func members(
        of key: String, cursor: Cursor?, limit: Int, by actor: Actor, today: LocalDate = LocalDate(Date())
    ) async throws -> Page<Person> {
        let catalogue = try await SegmentCatalogue.load(from: database)
        let query = try await membership(of: try catalogue.segment(key), in: catalogue, today: today)
        var sql = SQLQueryString("SELECT p.*" + SegmentQuery.from) + query.whereClause(for: actor)
        if let cursor { sql += " AND p.id > \(bind: cursor.id)" }
        sql += " ORDER BY p.id LIMIT \(unsafeRaw: String(limit + 1))"
        let rows = try await database.sql.raw(sql).all()
        let people = try rows.prefix(limit).map(PersonRepository.person(from:))
        let next = rows.count > limit ? people.last.map { Cursor(sortValue: $0.id.rawValue, id: $0.id.rawValue) } : nil
        try await audit.read(
            entityType: "person", entityID: "*", detail: "segment \(key): \(people.count) people", by: actor)
        return Page(items: people, nextCursor: next?.encoded)
    }

    /// How many people a saved segment holds now.
    public func size(of key: String, by actor: Actor, today: LocalDate = LocalDate(Date())) async throws -> Int {
        let catalogue = try await SegmentCatalogue.load(from: database)
        let query = try await membership(of: try catalogue.segment(key), in: catalogue, today: today)
        return try await database.sql.raw(query.count(for: actor)).first()?.integer("n") ?? 0
    }

    /// How many people a rule selects now, without saving it.
    public func count(
        _ rule: SegmentRule, purpose: Segment.Purpose, by actor: Actor, today: LocalDate = LocalDate(Date())
    ) async throws -> Int {
        let catalogue = try await SegmentCatalogue.load(from: database)
        let checked = try catalogue.check(rule, for: purpose, definingKey: nil)
        let tiers = try await SegmentQuery.tiers(for: [checked], on: database.sql)
        let query = try SegmentQuery.rule(
            checked, catalogue: catalogue, today: today, tiers: tiers, kind: database.kind
        ).gated(for: purpose, on: today)
        return try await database.sql.raw(query.count(for: actor)).first()?.integer("n") ?? 0
    }

    /// Size and value of what a rule selects now, without saving it: the segment builder's
    /// live figures. `definingKey` is the key of the segment being edited, if any, so a
    /// rule that loops back to it is refused. Records the read of the aggregate.
    public func preview(
        _ rule: SegmentRule, purpose: Segment.Purpose, definingKey: String? = nil, by actor: Actor,
        today: LocalDate = LocalDate(Date())
    ) async throws -> SegmentPreview {
        let catalogue = try await SegmentCatalogue.load(from: database)
        let checked = try catalogue.check(rule, for: purpose, definingKey: definingKey)
        let tiers = try await SegmentQuery.tiers(for: [checked], on: database.sql)
        let query = try SegmentQuery.rule(
            checked, catalogue: catalogue, today: today, tiers: tiers, kind: database.kind
        ).gated(for: purpose, on: today)
        let scored = try await database.sql.raw("SELECT person_id FROM value_scores LIMIT 1").first() != nil
        let clv =
            scored
            ? "CAST(AVG((SELECT vs.clv_minor FROM value_scores vs WHERE vs.person_id = p.id AND vs.currency = m.currency)) AS DOUBLE PRECISION)"
            : "NULL"
        let sql =
            SQLQueryString(
                """
                SELECT COALESCE(m.currency, '') AS currency, COUNT(*) AS n, CAST(SUM(m.spend_minor) AS BIGINT) AS revenue,
                  CAST(SUM(m.margin_minor) AS BIGINT) AS margin, \(clv) AS clv
                """ + SegmentQuery.from) + query.whereClause(for: actor)
            // Grouped by an expression, not the column: SQLite would otherwise walk the spend
            // index in currency order and fetch every row at random, several times slower.
            + " GROUP BY COALESCE(m.currency, '') ORDER BY 1"
        var size = 0
        var value: [SegmentPreview.CurrencyValue] = []
        for row in try await database.sql.raw(sql).all() {
            let count = try row.integer("n")
            size += count
            guard let currency = try row.optionalText("currency"), !currency.isEmpty else { continue }
            let average = try row.decode(column: "clv", as: Double?.self)
            value.append(
                .init(
                    currency: currency, customers: count,
                    revenue: Money(minorUnits: try row.int64("revenue"), currency: currency),
                    margin: Money(minorUnits: try row.int64("margin"), currency: currency),
                    averageCLV: average.map { Money(minorUnits: Int64($0.rounded()), currency: currency) }))
        }
        try await audit.read(entityType: "person", entityID: "*", detail: "segment preview: \(size) people", by: actor)
        return SegmentPreview(
            size: size, value: value, rule: rule.text, explanation: rule.explain(in: catalogue.schema),
            dependsOnToday: checked.dependsOnToday)
    }

    /// The segments one person belongs to now (segments of one, R3.4). Records the read.
    public func segments(of personID: PersonID, by actor: Actor, today: LocalDate = LocalDate(Date())) async throws
        -> [SegmentMembership]
    {
        try await Visibility.requirePerson(personID, visibleTo: actor, on: database.sql)
        let result = try await memberships(of: personID, today: today)
        try await audit.read(entityType: "person", entityID: personID.rawValue, detail: "segments", by: actor)
        return result
    }

    /// The work of ``segments(of:by:today:)``: every saved segment (or only those with the
    /// `keys` given) tested for the person in one query. Checks no visibility and records
    /// no read: callers do both.
    func memberships(of personID: PersonID, among keys: Set<String>? = nil, today: LocalDate = LocalDate(Date()))
        async throws -> [SegmentMembership]
    {
        let catalogue = try await SegmentCatalogue.load(from: database)
        let candidates = catalogue.segments.filter { keys?.contains($0.key) ?? true }
        guard !candidates.isEmpty else { return [] }
        var tested: [(Segment, SegmentQuery)] = []
        for segment in candidates {
            // A segment whose rule no longer checks (its sub-segment changed) counts as not
            // matching here rather than hiding the whole page.
            guard let query = try? await membership(of: segment, in: catalogue, today: today) else { continue }
            tested.append((segment, query))
        }
        guard !tested.isEmpty else { return [] }
        var sql = SQLQueryString("SELECT ")
        for (index, (_, query)) in tested.enumerated() {
            sql +=
                "\(unsafeRaw: index == 0 ? "" : ", ")CASE WHEN " + query.condition
                + " THEN 1 ELSE 0 END AS s\(unsafeRaw: String(index))"
        }
        sql += SQLQueryString(SegmentQuery.from) + " WHERE p.id = \(bind: personID.rawValue)"
        guard let row = try await database.sql.raw(sql).first() else { return [] }
        return try tested.enumerated().filter { try row.integer("s\($0.offset)") == 1 }.map {
            SegmentMembership($0.element.0)
        }
    }

    /// The membership condition of a saved segment.
    func membership(of segment: Segment, in catalogue: SegmentCatalogue, today: LocalDate) async throws -> SegmentQuery
    {
        switch segment.kind {
        case .frozen:
            return SegmentQuery.frozen(segment.id).gated(for: segment.purpose, on: today)
        case .dynamic:
            guard let rule = segment.rule else {
                throw SegmentRuleRejection([
                    SegmentRuleError(.syntax, "The stored rule of '\(segment.key)' cannot be read.")
                ])
            }
            let checked = try catalogue.check(rule, for: segment.purpose, definingKey: segment.key)
            let tiers = try await SegmentQuery.tiers(for: [checked], on: database.sql)
            return try SegmentQuery.rule(checked, catalogue: catalogue, today: today, tiers: tiers, kind: database.kind)
                .gated(for: segment.purpose, on: today)
        }
    }
}
