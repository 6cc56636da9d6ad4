import Foundation
import NIOConcurrencyHelpers
import RapportCore
import RapportValue
import SQLKit

/// Value per segment and per person (R4.1, R4.2, R4.4): a segment's historic value, its value
/// drivers and its lifetime value as NPV; everyone's drivers per currency; and one person's
/// NPV under the assumptions of the segment they belong to.
///
/// Owns no tables but `value_assumptions` (through ``ValueAssumptionRepository``); reads
/// `customer_metrics` and `purchases`. Group drivers used for a person's NPV are cached for
/// ten minutes: they are statistics over many people, which one more purchase hardly moves.
public struct LifetimeValues: Sendable {
    let database: Database
    let audit: AuditTrail
    let segments: SegmentRepository
    public let assumptions: ValueAssumptionRepository
    let cache: GroupDriverCache

    /// One currency of a group: its drivers and the NPV of a customer in it.
    public struct CurrencyValue: Sendable, Encodable, Equatable {
        public var currency: String
        public var drivers: ValueDrivers
        public var lifetimeValue: LifetimeValueEstimate?
        /// Why there is no lifetime value, when there is none.
        public var problem: String?
    }

    /// A segment's value: what its members bought, what drives it, what a member is worth.
    public struct SegmentValue: Sendable, Encodable, Equatable {
        public var key: String
        public var historic: GroupValue
        public var currencies: [CurrencyValue]
        public var assumptions: ValueAssumptionRepository.Setting
    }

    /// One person's lifetime value in their main currency.
    public struct PersonValue: Sendable, Encodable, Equatable {
        public var currency: String
        /// "segment <name>" or "everyone buying in <currency>": whose retention and assumptions apply.
        public var basis: String
        public var segment: String?
        public var lifetimeValue: LifetimeValueEstimate?
        public var problem: String?
    }

    /// The segment's value now, among the members `actor` may see. Records the read.
    public func segment(_ key: String, by actor: Actor, today: LocalDate = LocalDate(Date())) async throws -> SegmentValue {
        let catalogue = try await SegmentCatalogue.load(from: database)
        let query = try await segments.membership(of: try catalogue.segment(key), in: catalogue, today: today)
        let clause = query.whereClause(for: actor)
        let historic = try await GroupValue.read(
            "pu.person_id IN (SELECT p.id" + SQLQueryString(SegmentQuery.from) + clause + ")", on: database.sql)
        let setting = try await assumptions.applying(toSegment: key)
        let tallies = try await ValueDriverQuery.tallies(clause, today: today, on: database.sql)
        try await audit.read(entityType: "person", entityID: "*", detail: "segment \(key): value", by: actor)
        return SegmentValue(
            key: key, historic: historic, currencies: Self.values(tallies, setting: setting), assumptions: setting)
    }

    /// Everyone's drivers and lifetime value per currency, under the default assumptions.
    public func everyone(by actor: Actor, today: LocalDate = LocalDate(Date())) async throws -> [CurrencyValue] {
        let setting = try await assumptions.standing()
        let tallies = try await ValueDriverQuery.tallies(
            SegmentQuery(condition: "(1 = 1)").whereClause(for: actor), today: today, on: database.sql)
        return Self.values(tallies, setting: setting)
    }

    private static func values(_ tallies: [String: ValueDrivers.Tally], setting: ValueAssumptionRepository.Setting)
        -> [CurrencyValue]
    {
        tallies.keys.sorted().compactMap { currency -> CurrencyValue? in
            guard let drivers = ValueDrivers(tallies[currency]!) else { return nil }
            do {
                let estimate = try LifetimeValueEstimate(
                    currency: currency, revenuePerYear: drivers.revenuePerActiveYear, marginRate: drivers.marginRate,
                    estimatedRetention: drivers.estimatedRetentionRates, assumptions: setting.assumptions,
                    configured: setting.configured)
                return CurrencyValue(currency: currency, drivers: drivers, lifetimeValue: estimate)
            } catch let error as ValueModelError {
                return CurrencyValue(currency: currency, drivers: drivers, problem: error.message)
            } catch {
                return CurrencyValue(currency: currency, drivers: drivers, problem: "\(error)")
            }
        }
    }
}
