import Foundation
import RapportCore
import RapportValue
import SQLKit

/// The additive counts behind ``ValueDrivers`` for a group of people, per main currency, in
/// one aggregate over their behaviour summaries (`customer_metrics`): the same figures
/// ``ValueDrivers/Tally/add(netRevenue:margin:purchases:firstDay:lastDay:today:)`` adds up
/// member by member, so a segment of any size costs one scan.
enum ValueDriverQuery {
    /// Retention is estimated for the first this many relationship years.
    static let years = 5

    /// The tallies of the people that `clause` selects (` WHERE …` over `people p` and
    /// `customer_metrics m`, as ``SegmentQuery/whereClause(for:)`` writes it).
    static func tallies(_ clause: SQLQueryString, today: LocalDate, on db: any SQLDatabase) async throws
        -> [String: ValueDrivers.Tally]
    {
        let day = String(CivilCalendar.days(year: today.year, month: today.month, day: today.day))
        var columns = """
            SELECT m.currency AS currency, COUNT(*) AS buyers, CAST(SUM(m.orders) AS BIGINT) AS purchases,
              CAST(SUM(m.spend_minor) AS BIGINT) AS net, CAST(SUM(m.margin_minor) AS BIGINT) AS margin,
              MIN(m.first_day) AS first_day, MAX(m.last_day) AS last_day,
              CAST(SUM(m.last_day - m.first_day) AS BIGINT) AS span,
              CAST(SUM(CASE WHEN \(day) - m.first_day > 1 THEN \(day) - m.first_day ELSE 1 END) AS BIGINT) AS relationship,
              CAST(SUM((m.last_day - m.first_day) * 4 / 1461 + 1) AS BIGINT) AS active_years
            """
        for k in 1...years {
            let reached = "\(day) - m.first_day >= \(ValueDrivers.yearDays(k))"
            let span = "m.last_day - m.first_day"
            columns += """
                , CAST(SUM(CASE WHEN \(reached) AND \(span) >= \(ValueDrivers.yearDays(k - 1)) THEN 1 ELSE 0 END) AS BIGINT) AS e\(k)
                , CAST(SUM(CASE WHEN \(reached) AND \(span) >= \(ValueDrivers.yearDays(k)) THEN 1 ELSE 0 END) AS BIGINT) AS r\(k)
                """
        }
        let sql =
            SQLQueryString(columns + SegmentQuery.from) + clause
            + " AND m.orders > 0 AND m.currency IS NOT NULL AND m.first_day IS NOT NULL AND m.last_day IS NOT NULL"
            + " GROUP BY m.currency"
        var result: [String: ValueDrivers.Tally] = [:]
        for row in try await db.raw(sql).all() {
            var tally = ValueDrivers.Tally(years: years)
            tally.buyers = try row.integer("buyers")
            tally.purchases = try row.integer("purchases")
            tally.netRevenue = Double(try row.int64("net")) / 100
            tally.margin = Double(try row.int64("margin")) / 100
            tally.firstDay = try row.integer("first_day")
            tally.lastDay = try row.integer("last_day")
            tally.spanDays = try row.integer("span")
            tally.relationshipDays = try row.integer("relationship")
            tally.activeYears = try row.integer("active_years")
            for k in 1...years {
                tally.eligible[k - 1] = try row.integer("e\(k)")
                tally.retained[k - 1] = try row.integer("r\(k)")
            }
            result[try row.text("currency")] = tally
        }
        return result
    }
}
