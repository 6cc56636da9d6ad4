import RapportCore

/// The assumptions of a lifetime value calculation (R4.2), configured per segment or once as
/// the default: what is not known from a group's history — the discount rate, the horizon,
/// costs — and optionally what would otherwise be estimated from it (retention, cost rate).
///
/// An unset retention list or cost rate means "take it from the history" (``ValueDrivers``),
/// so a new segment has a lifetime value before anyone configures it.
public struct ValueAssumptions: Sendable, Codable, Equatable {
    /// Year-on-year retention (year 1 → 2 first); nil: estimated from the history.
    public var retentionRates: [Double]?
    /// Annual discount rate, e.g. 0.1 for 10 %.
    public var discountRate: Double
    /// Years in the horizon.
    public var years: Int
    /// Variable cost as a share of revenue; nil: 1 − the observed margin rate.
    public var costRate: Double?
    /// Cost per active customer per year (service, marketing), per currency (ISO code →
    /// amount): money assumptions only mean something in one currency, and a segment's
    /// members may buy in several. A currency without an amount costs 0.
    public var costPerCustomer: [String: Double]
    /// Cost of acquiring one customer, spent in year 1, per currency.
    public var acquisitionCost: [String: Double]

    /// The default until someone configures it: 10 % a year over five years, retention and
    /// cost rate from the history, no fixed costs.
    public static let standard = ValueAssumptions()

    public init(
        retentionRates: [Double]? = nil, discountRate: Double = 0.1, years: Int = 5, costRate: Double? = nil,
        costPerCustomer: [String: Double] = [:], acquisitionCost: [String: Double] = [:]
    ) {
        self.retentionRates = retentionRates
        self.discountRate = discountRate
        self.years = years
        self.costRate = costRate
        self.costPerCustomer = costPerCustomer
        self.acquisitionCost = acquisitionCost
    }

    /// Checks every field and names each bad one.
    public func validated() throws(DomainError) -> ValueAssumptions {
        var issues = IssueCollector()
        if let rates = retentionRates {
            if rates.isEmpty || rates.count > 50 {
                issues.add(.outOfRange("retentionRates", "retentionRates needs 1 to 50 rates, or null to estimate them."))
            }
            for (index, rate) in rates.enumerated() where !(rate.isFinite && (0...1).contains(rate)) {
                issues.add(.outOfRange("retentionRates[\(index)]", "A retention rate must lie between 0 and 1, e.g. 0.65."))
            }
        }
        if !(discountRate.isFinite && discountRate > -1 && discountRate <= 1) {
            issues.add(.outOfRange("discountRate", "discountRate must lie above −1 and at most 1, e.g. 0.1 for 10 %."))
        }
        if !(1...50).contains(years) { issues.add(.outOfRange("years", "years must lie between 1 and 50.")) }
        if let costRate, !(costRate.isFinite && (0...1).contains(costRate)) {
            issues.add(.outOfRange("costRate", "costRate must lie between 0 and 1, or be null to use the observed margin."))
        }
        for (field, amounts) in [("costPerCustomer", costPerCustomer), ("acquisitionCost", acquisitionCost)] {
            for (currency, value) in amounts.sorted(by: { $0.key < $1.key }) {
                if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                    issues.add(.invalid("\(field).\(currency)", "\(field) is keyed by ISO 4217 currency codes such as PLN; '\(currency)' is not one."))
                } else if !(value.isFinite && value >= 0) {
                    issues.add(.outOfRange("\(field).\(currency)", "\(field) must be a finite amount of at least 0."))
                }
            }
        }
        try issues.check()
        return self
    }
}
