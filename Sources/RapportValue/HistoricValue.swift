/// Historic value of a customer (R4.1): what they have bought, returned and contributed so
/// far, from their transaction lines.
public struct HistoricValue: Sendable, Codable, Equatable {
    public var customerID: String
    /// Days with at least one sale (same-day lines are one purchase, as in `CalibrationSummary`).
    public var purchases: Int
    /// Σ sale amounts (lines ≥ 0).
    public var revenue: Double
    /// Σ returned amounts (lines < 0), as a positive number.
    public var returns: Double
    /// Revenue − returns.
    public var netRevenue: Double
    /// Net revenue × the contribution margin rate.
    public var contributionMargin: Double
    public var firstPurchase: CalendarDay?
    public var lastPurchase: CalendarDay?

    /// Net revenue per purchase; 0 without purchases.
    public var averageOrderValue: Double { purchases > 0 ? netRevenue / Double(purchases) : 0 }

    /// Historic value per customer, ordered by customer id.
    /// - Parameters:
    ///   - transactions: the log (returns as negative amounts).
    ///   - marginRate: contribution margin as a share of net revenue (e.g. 0.3).
    /// - Throws: `nonFinite` for a NaN/∞ amount, `invalidArgument` for a margin rate outside [−1, 1].
    public static func compute(_ transactions: [Transaction], marginRate: Double) throws(ValueModelError)
        -> [HistoricValue]
    {
        guard marginRate.isFinite, (-1...1).contains(marginRate) else {
            throw .invalidArgument("The contribution margin rate must lie between −1 and 1.")
        }
        var byCustomer: [String: HistoricValue] = [:]
        var saleDays: [String: Set<Int>] = [:]
        for t in transactions {
            guard t.amount.isFinite else { throw .nonFinite(field: "amount", customer: t.customerID) }
            var value =
                byCustomer[t.customerID]
                ?? HistoricValue(
                    customerID: t.customerID, purchases: 0, revenue: 0, returns: 0, netRevenue: 0,
                    contributionMargin: 0, firstPurchase: nil, lastPurchase: nil)
            if t.amount >= 0 {
                value.revenue += t.amount
                saleDays[t.customerID, default: []].insert(t.date.dayNumber)
                value.firstPurchase = min(value.firstPurchase ?? t.date, t.date)
                value.lastPurchase = max(value.lastPurchase ?? t.date, t.date)
            } else {
                value.returns -= t.amount
            }
            byCustomer[t.customerID] = value
        }
        return byCustomer.keys.sorted().map { id in
            var value = byCustomer[id]!
            value.purchases = saleDays[id]?.count ?? 0
            value.netRevenue = value.revenue - value.returns
            value.contributionMargin = value.netRevenue * marginRate
            return value
        }
    }
}
