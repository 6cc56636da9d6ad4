/// One customer's purchase history in the calibration period, as the BG/NBD, Pareto/NBD and
/// Gamma-Gamma models see it (the RFM summary of Fader, Hardie & Lee 2005).
///
/// Same definitions as `lifetimes.utils.summary_data_from_transaction_data`: purchases on
/// the same day are one purchase; `frequency` counts repeat purchase days (all but the
/// first); `recency` is the time from the first to the last purchase; `age` (T) is the time
/// from the first purchase to the end of the calibration period; `monetaryValue` is the mean
/// amount of the repeat purchases (0 without repeats).
public struct CustomerSummary: Sendable, Hashable, Codable {
    public var id: String
    /// Repeat purchases, x.
    public var frequency: Int
    /// Time of the last purchase since the first, tₓ.
    public var recency: Double
    /// Time since the first purchase, T.
    public var age: Double
    /// Mean spend per repeat purchase, z̄.
    public var monetaryValue: Double

    public init(id: String, frequency: Int, recency: Double, age: Double, monetaryValue: Double = 0) {
        self.id = id
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.monetaryValue = monetaryValue
    }

    /// Checks what every model assumes: finite, non-negative values and recency ≤ age.
    ///
    /// A recency above age by no more than 1e-9 (rounding in a file) is accepted.
    public func validate() throws(ValueModelError) {
        for (name, value) in [("recency", recency), ("T", age), ("monetary_value", monetaryValue)] {
            guard value.isFinite else { throw .nonFinite(field: name, customer: id) }
        }
        if frequency < 0 { throw .negative(field: "frequency", customer: id) }
        if recency < 0 { throw .negative(field: "recency", customer: id) }
        if age < 0 { throw .negative(field: "T", customer: id) }
        if recency > age + 1e-9 { throw .recencyAfterAge(customer: id) }
    }
}

extension Array where Element == CustomerSummary {
    /// Validates every customer and that there is at least `minimum` of them.
    func validated(minimum: Int = 1) throws(ValueModelError) {
        if isEmpty { throw .noCustomers }
        if count < minimum { throw .tooFewCustomers(count: count, minimum: minimum) }
        for customer in self { try customer.validate() }
    }
}
