/// Predicted against actual repeat purchases in a holdout period — the validation of
/// FHL 2005 (§4, Figures 2–4): in total, and by the number of calibration repeat purchases
/// (0, 1, …, `groupCap`+), where each prediction is the conditional expectation
/// E[Y(t) | x, tₓ, T] of a customer's purchases in the holdout of length t.
public struct HoldoutReport: Sendable, Codable, Equatable {
    /// Customers with the same calibration frequency (the last group collects `groupCap`+).
    public struct Group: Sendable, Codable, Equatable {
        /// "0", "1", …, "7+".
        public var label: String
        public var customers: Int
        /// Σ E[Y(t) | x, tₓ, T] over the group.
        public var predicted: Double
        /// Σ holdout purchases over the group.
        public var actual: Int

        /// Mean predicted purchases per customer.
        public var predictedPerCustomer: Double { customers > 0 ? predicted / Double(customers) : 0 }
        /// Mean actual purchases per customer.
        public var actualPerCustomer: Double { customers > 0 ? Double(actual) / Double(customers) : 0 }
    }

    /// The holdout length in periods.
    public var duration: Double
    public var totalPredicted: Double
    public var totalActual: Int
    public var groups: [Group]

    /// Builds the report.
    /// - Parameters:
    ///   - model: the fitted purchase model.
    ///   - customers: calibration summaries.
    ///   - holdoutFrequency: purchases in the holdout per customer, same order.
    ///   - duration: the holdout length in periods.
    ///   - groupCap: the first frequency pooled into the last group (7 gives 0…6 and 7+).
    public init(
        model: BGNBDModel, customers: [CustomerSummary], holdoutFrequency: [Int], duration: Double, groupCap: Int = 7
    ) throws(ValueModelError) {
        try customers.validated()
        guard holdoutFrequency.count == customers.count else {
            throw .invalidArgument(
                "\(holdoutFrequency.count) holdout counts for \(customers.count) customers; they must match.")
        }
        guard duration > 0, duration.isFinite, groupCap >= 1 else {
            throw .invalidArgument("The holdout duration must be positive and the group cap at least 1.")
        }
        if let negative = holdoutFrequency.firstIndex(where: { $0 < 0 }) {
            throw .negative(field: "holdout frequency", customer: customers[negative].id)
        }
        var groups = (0...groupCap).map {
            Group(label: $0 == groupCap ? "\($0)+" : "\($0)", customers: 0, predicted: 0, actual: 0)
        }
        for (customer, actual) in zip(customers, holdoutFrequency) {
            let g = min(customer.frequency, groupCap)
            groups[g].customers += 1
            groups[g].predicted += model.expectedPurchases(
                in: duration, frequency: customer.frequency, recency: customer.recency, age: customer.age)
            groups[g].actual += actual
        }
        self.duration = duration
        self.groups = groups
        self.totalPredicted = groups.reduce(0) { $0 + $1.predicted }
        self.totalActual = groups.reduce(0) { $0 + $1.actual }
    }
}
