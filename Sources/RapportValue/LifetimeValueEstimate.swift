/// A lifetime value as NPV (R4.2) for one customer of a group — a segment's typical member, or
/// one person — with every input traced to where it came from, so a page can lay out the
/// calculation and say which numbers were measured and which were assumed.
public struct LifetimeValueEstimate: Sendable, Codable, Equatable {
    /// Where an input came from.
    public enum Origin: String, Sendable, Codable {
        /// Measured on the purchase history.
        case history
        /// Set by a user for this segment or as the default.
        case configured
        /// Rapport's standard assumption (nobody configured one).
        case standard
    }

    /// One input of the calculation.
    public struct Input: Sendable, Codable, Equatable {
        public var name: String
        public var values: [Double]
        public var origin: Origin
    }

    public var table: LifetimeValueNPV.Table
    public var inputs: [Input]

    /// The NPV of one customer.
    /// - Parameters:
    ///   - currency: the currency of the amounts, which picks the money assumptions.
    ///   - revenuePerYear: net revenue per active year (measured).
    ///   - marginRate: margin as a share of revenue (measured), for the cost rate when none is configured.
    ///   - estimatedRetention: retention rates estimated from the group's history.
    ///   - assumptions: what was configured (or ``ValueAssumptions/standard``).
    ///   - configured: whether `assumptions` were set by a user.
    /// - Throws: `invalidArgument` when no retention rate is configured and none could be
    ///   estimated — the message says to configure one.
    public init(
        currency: String, revenuePerYear: Double, marginRate: Double?, estimatedRetention: [Double],
        assumptions: ValueAssumptions, configured: Bool
    ) throws(ValueModelError) {
        let assumed: Origin = configured ? .configured : .standard
        let costPerCustomer = assumptions.costPerCustomer[currency]
        let acquisitionCost = assumptions.acquisitionCost[currency]
        let retention: [Double]
        let retentionOrigin: Origin
        if let rates = assumptions.retentionRates {
            (retention, retentionOrigin) = (rates, assumed)
        } else if !estimatedRetention.isEmpty {
            (retention, retentionOrigin) = (estimatedRetention, .history)
        } else {
            throw .invalidArgument(
                "Too few customers have a year of history to estimate retention; configure the retention rates (retentionRates).")
        }
        let costRate = assumptions.costRate ?? marginRate.map { min(1, max(0, 1 - $0)) } ?? 0
        let costOrigin: Origin = assumptions.costRate != nil ? assumed : marginRate != nil ? .history : .standard
        table = try LifetimeValueNPV.compute(
            .init(
                revenuePerCustomer: [revenuePerYear], retentionRates: retention, costRate: costRate,
                costPerCustomer: costPerCustomer ?? 0, acquisitionCost: acquisitionCost ?? 0,
                discountRate: assumptions.discountRate, years: assumptions.years))
        inputs = [
            Input(name: "revenue per year", values: [revenuePerYear], origin: .history),
            Input(name: "retention rates", values: retention, origin: retentionOrigin),
            Input(name: "cost rate", values: [costRate], origin: costOrigin),
            Input(
                name: "cost per customer per year", values: [costPerCustomer ?? 0],
                origin: costPerCustomer == nil ? .standard : assumed),
            Input(name: "acquisition cost", values: [acquisitionCost ?? 0], origin: acquisitionCost == nil ? .standard : assumed),
            Input(name: "discount rate", values: [assumptions.discountRate], origin: assumed),
            Input(name: "years", values: [Double(assumptions.years)], origin: assumed),
        ]
    }
}
