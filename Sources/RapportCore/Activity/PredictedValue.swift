import Foundation

/// What a customer is expected to be worth, from the latest fitted purchase and spend
/// models (BG/NBD and Gamma-Gamma, R4.3), in one currency.
public struct PredictedValue: Hashable, Codable, Sendable {
    public var personID: PersonID
    public var currency: String
    /// Repeat purchase days in the calibration history.
    public var frequency: Int
    /// Probability the customer is still active ("alive").
    public var probabilityAlive: Double
    /// Expected purchases over `horizonWeeks`.
    public var expectedPurchases: Double
    public var horizonWeeks: Double
    /// Expected spend per purchase; nil when the spend model could not be fitted.
    public var expectedSpend: Money?
    /// Discounted customer lifetime value over `months`; nil without a spend model.
    public var lifetimeValue: Money?
    public var months: Int
    public var fittedAt: Date

    public init(
        personID: PersonID, currency: String, frequency: Int, probabilityAlive: Double, expectedPurchases: Double,
        horizonWeeks: Double, expectedSpend: Money?, lifetimeValue: Money?, months: Int, fittedAt: Date
    ) {
        self.personID = personID
        self.currency = currency
        self.frequency = frequency
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.horizonWeeks = horizonWeeks
        self.expectedSpend = expectedSpend
        self.lifetimeValue = lifetimeValue
        self.months = months
        self.fittedAt = fittedAt
    }
}
