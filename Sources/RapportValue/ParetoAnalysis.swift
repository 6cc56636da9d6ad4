/// Pareto analysis (R3.3): how concentrated revenue and margin are among customers — the
/// share the top 20 % bring and the cumulative (Lorenz-style) curve to draw.
public struct ParetoAnalysis: Sendable, Codable, Equatable {
    /// One point of the cumulative curve: the top `customerShare` of customers (ranked by the
    /// measure, largest first) bring `valueShare` of the total.
    public struct Point: Sendable, Codable, Equatable {
        public var customerShare: Double
        public var valueShare: Double
    }

    /// The fraction of customers considered the "top" (0.2 for the 80/20 rule).
    public var topFraction: Double
    /// Share of revenue from the top customers by revenue.
    public var revenueShareOfTop: Double
    /// Share of margin from the top customers by margin, when margins were given.
    public var marginShareOfTop: Double?
    /// The revenue curve, `points` + 1 points from (0, 0) to (1, 1).
    public var revenueCurve: [Point]
    /// The margin curve, when margins were given.
    public var marginCurve: [Point]?

    /// Analyses revenue (and optionally margin) per customer.
    ///
    /// A fractional customer count at the cut (20 % of 7 customers) takes that fraction of
    /// the next customer's value, so the curve is continuous and exact for any size. Negative
    /// values (net returns) stay in the total; when a total is not positive, shares are
    /// undefined and the input is rejected.
    /// - Throws: `noCustomers`, `nonFinite`, `invalidArgument` (sizes differ, top fraction
    ///   outside (0, 1], total ≤ 0, fewer than 1 curve point).
    public init(revenue: [Double], margin: [Double]? = nil, topFraction: Double = 0.2, points: Int = 100)
        throws(ValueModelError)
    {
        guard !revenue.isEmpty else { throw .noCustomers }
        guard topFraction > 0, topFraction <= 1, points >= 1 else {
            throw .invalidArgument("The top fraction must be in (0, 1] and the curve needs at least one point.")
        }
        if let margin, margin.count != revenue.count {
            throw .invalidArgument("\(margin.count) margins for \(revenue.count) customers; they must match.")
        }
        let revenueCumulative = try Self.cumulative(revenue, measure: "revenue")
        let marginCumulative = try margin.map { values throws(ValueModelError) in
            try Self.cumulative(values, measure: "margin")
        }
        self.topFraction = topFraction
        revenueShareOfTop = Self.share(revenueCumulative, at: topFraction)
        marginShareOfTop = marginCumulative.map { Self.share($0, at: topFraction) }
        let grid = (0...points).map { Double($0) / Double(points) }
        revenueCurve = grid.map { Point(customerShare: $0, valueShare: Self.share(revenueCumulative, at: $0)) }
        marginCurve = marginCumulative.map { c in
            grid.map { Point(customerShare: $0, valueShare: Self.share(c, at: $0)) }
        }
    }

    /// Cumulative sums of the values sorted largest first, normalised by the total, with a leading 0.
    private static func cumulative(_ values: [Double], measure: String) throws(ValueModelError) -> [Double] {
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(field: measure, customer: "#\(bad + 1)")
        }
        let total = values.reduce(0, +)
        guard total > 0 else {
            throw .invalidArgument("Total \(measure) is not positive, so shares of it are undefined.")
        }
        var sums = [0.0]
        for v in values.sorted(by: >) { sums.append(sums[sums.count - 1] + v / total) }
        return sums
    }

    /// The cumulative share at a customer fraction, interpolating within the customer at the cut.
    private static func share(_ cumulative: [Double], at fraction: Double) -> Double {
        let n = cumulative.count - 1
        let position = fraction * Double(n)
        let whole = min(Int(position), n)
        guard whole < n else { return cumulative[n] }
        return cumulative[whole] + (position - Double(whole)) * (cumulative[whole + 1] - cumulative[whole])
    }
}
