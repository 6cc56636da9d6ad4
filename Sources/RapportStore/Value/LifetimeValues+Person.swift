import Foundation
import NIOConcurrencyHelpers
import RapportCore
import RapportValue
import SQLKit

extension LifetimeValues {
    /// One person's lifetime value as NPV (R4.2) in their main currency: their own revenue
    /// per year and margin, with the assumptions of the first segment (by name) they belong
    /// to that has its own, else the default; retention, unless configured, is estimated over
    /// that segment (or everyone buying in the currency). Nil for someone who never bought.
    /// Records the read.
    /// - Parameter memberships: the segments the person belongs to now.
    public func person(
        _ id: PersonID, in memberships: [SegmentMembership], by actor: Actor, today: LocalDate = LocalDate(Date())
    ) async throws -> PersonValue? {
        try await Visibility.requirePerson(id, visibleTo: actor, on: database.sql)
        try await audit.read(entityType: "person", entityID: id.rawValue, detail: "lifetime value", by: actor)
        guard
            let row = try await database.sql.raw(
                """
                SELECT currency, orders, spend_minor, margin_minor, first_day, last_day FROM customer_metrics
                WHERE person_id = \(bind: id.rawValue) AND orders > 0 AND currency IS NOT NULL AND first_day IS NOT NULL
                """
            ).first()
        else { return nil }
        let currency = try row.text("currency")
        var own = ValueDrivers.Tally(years: 0)
        own.add(
            netRevenue: Double(try row.int64("spend_minor")) / 100, margin: Double(try row.int64("margin_minor")) / 100,
            purchases: try row.integer("orders"), firstDay: try row.integer("first_day"), lastDay: try row.integer("last_day"),
            today: CivilCalendar.days(year: today.year, month: today.month, day: today.day))
        guard let drivers = ValueDrivers(own) else { return nil }

        let configured = try await assumptions.configuredSegments()
        let segment = memberships.sorted { $0.name < $1.name }.first { configured[$0.key] != nil }
        let setting =
            if let segment { try await assumptions.applying(toSegment: segment.key) } else { try await assumptions.standing() }
        var value = PersonValue(
            currency: currency, basis: segment.map { "segment \($0.name)" } ?? "everyone buying in \(currency)",
            segment: segment?.key)
        do {
            var retention: [Double] = []
            if setting.assumptions.retentionRates == nil {
                retention = try await groupRetention(segment: segment?.key, currency: currency, today: today)
            }
            value.lifetimeValue = try LifetimeValueEstimate(
                currency: currency, revenuePerYear: drivers.revenuePerActiveYear, marginRate: drivers.marginRate, estimatedRetention: retention,
                assumptions: setting.assumptions, configured: setting.configured)
        } catch let error as ValueModelError {
            value.problem = error.message
        }
        return value
    }

    /// Retention estimated over a segment's members (or everyone) buying in `currency`,
    /// counted over everyone: a rate is a statistic of the group, not a person's data.
    private func groupRetention(segment key: String?, currency: String, today: LocalDate) async throws -> [Double] {
        let scope = "\(key ?? "*") \(currency) \(today)"
        if let cached = cache.tally(scope) { return ValueDrivers(cached)?.estimatedRetentionRates ?? [] }
        var condition = SQLQueryString("(1 = 1)")
        if let key {
            let catalogue = try await SegmentCatalogue.load(from: database)
            condition = try await segments.membership(of: try catalogue.segment(key), in: catalogue, today: today).condition
        }
        let tallies = try await ValueDriverQuery.tallies(SQLQueryString(" WHERE ") + condition, today: today, on: database.sql)
        let tally = tallies[currency] ?? ValueDrivers.Tally(years: ValueDriverQuery.years)
        cache.store(tally, for: scope)
        return ValueDrivers(tally)?.estimatedRetentionRates ?? []
    }
}

/// Group tallies for person NPVs, kept ten minutes (see ``LifetimeValues``).
final class GroupDriverCache: Sendable {
    private let entries = NIOLockedValueBox<[String: (at: Date, tally: ValueDrivers.Tally)]>([:])
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 600) { self.lifetime = lifetime }

    func tally(_ scope: String) -> ValueDrivers.Tally? {
        entries.withLockedValue { entries in
            guard let entry = entries[scope], Date().timeIntervalSince(entry.at) < lifetime else { return nil }
            return entry.tally
        }
    }

    func store(_ tally: ValueDrivers.Tally, for scope: String) {
        entries.withLockedValue { entries in
            if entries.count > 1_000 { entries.removeAll() }
            entries[scope] = (Date(), tally)
        }
    }
}
