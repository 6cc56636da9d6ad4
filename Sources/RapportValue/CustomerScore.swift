/// One customer's predicted value: the numbers a profile shows and `--out` writes.
public struct CustomerScore: Sendable, Codable, Equatable {
    public var id: String
    /// Repeat purchases in the calibration period, x.
    public var frequency: Int
    /// tₓ in periods.
    public var recency: Double
    /// T in periods.
    public var age: Double
    /// Mean spend per repeat purchase, z̄.
    public var averageSpend: Double
    /// Expected purchases over the scoring horizon.
    public var expectedPurchases: Double
    /// Probability the customer is still active.
    public var probabilityAlive: Double
    /// Expected spend per future purchase (Gamma-Gamma).
    public var expectedSpend: Double
    /// Discounted customer lifetime value over the CLV horizon.
    public var lifetimeValue: Double
}
