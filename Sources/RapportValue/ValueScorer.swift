import Foundation

/// Scores customers with a fitted BG/NBD and Gamma-Gamma model: expected purchases over a
/// horizon, P(alive), expected spend and discounted CLV.
public struct ValueScorer: Sendable {
    public var purchases: BGNBDModel
    public var spend: GammaGammaModel
    /// The horizon of `expectedPurchases`, in periods of `unit`.
    public var horizon: Double
    /// Months of CLV.
    public var months: Int
    /// Discount rate per month.
    public var monthlyDiscountRate: Double
    /// The period unit of the summaries.
    public var unit: PeriodUnit
    /// Periods per month in CLV's monthly steps; by default as
    /// `lifetimes.utils._customer_lifetime_value` counts them (4.345 weeks, 30 days, 1 month),
    /// so CLV figures match that package.
    public var periodsPerMonth: Double

    public init(
        purchases: BGNBDModel, spend: GammaGammaModel, horizon: Double = 52, months: Int = 12,
        monthlyDiscountRate: Double = 0.01, unit: PeriodUnit = .weeks
    ) {
        self.purchases = purchases
        self.spend = spend
        self.horizon = horizon
        self.months = months
        self.monthlyDiscountRate = monthlyDiscountRate
        self.unit = unit
        self.periodsPerMonth =
            switch unit {
            case .weeks: 4.345
            case .days: 30
            case .months: 1
            }
    }

    /// Scores every customer.
    ///
    /// CLV = Σₖ₌₁ᵐ E[Z] · (E[Y(k·f)] − E[Y((k−1)·f)]) / (1 + d)ᵏ with f periods per month — the
    /// monthly-discounted sum of `lifetimes`' `customer_lifetime_value`. The tₓ-free growth
    /// factor of E[Y(t)] depends on (x, T) only, so it is computed once per distinct (x, T)
    /// pair and time point, and each customer costs one P(alive) and a few multiplications.
    /// - Throws: `invalidArgument` for a negative horizon, months or discount rate ≤ −1;
    ///   validation errors for bad customers.
    public func score(_ customers: [CustomerSummary]) throws(ValueModelError) -> [CustomerScore] {
        guard horizon >= 0, horizon.isFinite, months >= 0, monthlyDiscountRate > -1,
            monthlyDiscountRate.isFinite,
            periodsPerMonth > 0, periodsPerMonth.isFinite
        else {
            throw .invalidArgument(
                "The horizon and months must be ≥ 0, the discount rate > −1 and a month > 0 periods.")
        }
        for customer in customers { try customer.validate() }
        let times = [horizon] + (1...max(months, 1)).map { Double($0) * periodsPerMonth }
        let table = GrowthTable(customers: customers, times: times, model: purchases)
        let discounts = (1...max(months, 1)).map { pow(1 + monthlyDiscountRate, -Double($0)) }
        var scores = [CustomerScore?](repeating: nil, count: customers.count)
        scores.withUnsafeMutableBufferPointer { output in
            let out = UnsafeOutput(base: output.baseAddress!)
            Parallel.forEachChunk(count: customers.count) { range in
                for i in range {
                    out.base[i] = score(
                        customers[i], growth: table.row(for: customers[i]), discounts: discounts)
                }
            }
        }
        return scores.map { $0! }
    }

    private func score(_ c: CustomerSummary, growth: ArraySlice<Double>, discounts: [Double])
        -> CustomerScore
    {
        let alive = purchases.probabilityAlive(frequency: c.frequency, recency: c.recency, age: c.age)
        let expectedSpend = spend.expectedSpend(frequency: c.frequency, monetaryValue: c.monetaryValue)
        var value = 0.0
        var previous = 0.0
        for month in 0..<months {
            let cumulative = growth[growth.startIndex + 1 + month] * alive
            value += expectedSpend * (cumulative - previous) * discounts[month]
            previous = cumulative
        }
        return CustomerScore(
            id: c.id, frequency: c.frequency, recency: c.recency, age: c.age,
            averageSpend: c.monetaryValue,
            expectedPurchases: growth[growth.startIndex] * alive, probabilityAlive: alive,
            expectedSpend: expectedSpend, lifetimeValue: value)
    }
}

/// The growth factors of E[Y(t)] for each distinct (x, T) and each time point.
private struct GrowthTable: Sendable {
    private struct Key: Hashable {
        let x: Int
        let age: UInt64
    }
    private let index: [Key: Int]
    private let values: [Double]
    private let width: Int

    init(customers: [CustomerSummary], times: [Double], model: BGNBDModel) {
        var index: [Key: Int] = [:]
        var pairs: [(Int, Double)] = []
        for c in customers {
            let key = Key(x: c.frequency, age: c.age.bitPattern)
            if index[key] == nil {
                index[key] = pairs.count
                pairs.append((c.frequency, c.age))
            }
        }
        var values = [Double](repeating: 0, count: pairs.count * times.count)
        values.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeOutput(base: buffer.baseAddress!)
            Parallel.forEachChunk(count: pairs.count, serialBelow: 64, minimumChunk: 16) { range in
                for p in range {
                    for (k, t) in times.enumerated() {
                        out.base[p * times.count + k] =
                            t > 0 ? model.growthFactor(t: t, frequency: pairs[p].0, age: pairs[p].1) : 0
                    }
                }
            }
        }
        (self.index, self.values, self.width) = (index, values, times.count)
    }

    func row(for c: CustomerSummary) -> ArraySlice<Double> {
        let p = index[Key(x: c.frequency, age: c.age.bitPattern)]!
        return values[(p * width)..<((p + 1) * width)]
    }
}

/// A base pointer shared by chunks that write disjoint indices.
struct UnsafeOutput<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}
