/// Fits every value model on one set of customers and collects what `rapport value fit`
/// prints: the parameters and log-likelihood of each model, a model that could not be fitted
/// with its reason, and the holdout comparison when holdout counts exist. Encode it with
/// `.convertToSnakeCase` keys for the CLI's JSON (`pareto_nbd`, `log_likelihood`, …).
public struct ValueFitReport: Sendable, Codable {
    /// Customers in the calibration data.
    public var customers: Int
    /// Customers with at least one repeat purchase.
    public var repeatBuyers: Int
    public var bgnbd: BGNBDModel?
    public var paretoNBD: ParetoNBDModel?
    public var gammaGamma: GammaGammaModel?
    /// Why a model is missing, by model name ("bgnbd", "pareto_nbd", "gamma_gamma").
    public var failures: [String: String]
    /// Predicted vs actual holdout purchases (BG/NBD), when holdout counts were given.
    public var holdout: HoldoutReport?

    /// Fits the models; a model that cannot be fitted is reported in `failures`, not thrown.
    /// - Parameters:
    ///   - customers: calibration summaries (validated here).
    ///   - holdoutFrequency: holdout purchases per customer (same order), if any.
    ///   - holdoutDuration: the holdout length in periods.
    ///   - includeParetoNBD: fit the slower Pareto/NBD too.
    /// - Throws: validation errors that concern every model (no customers, invalid values).
    public init(
        customers: [CustomerSummary], holdoutFrequency: [Int]? = nil, holdoutDuration: Double? = nil,
        includeParetoNBD: Bool = true
    ) throws(ValueModelError) {
        let compressed = try CompressedCustomers(customers)
        self.customers = customers.count
        repeatBuyers = Int(compressed.repeatBuyers)
        failures = [:]
        bgnbd = Self.attempt("bgnbd", into: &failures) { () throws(ValueModelError) in try BGNBDModel.fit(compressed) }
        gammaGamma = Self.attempt("gamma_gamma", into: &failures) { () throws(ValueModelError) in
            try GammaGammaModel.fit(customers)
        }
        if includeParetoNBD {
            paretoNBD = Self.attempt("pareto_nbd", into: &failures) { () throws(ValueModelError) in
                try ParetoNBDModel.fit(compressed)
            }
        }
        if let bgnbd, let holdoutFrequency, let holdoutDuration {
            holdout = try HoldoutReport(
                model: bgnbd, customers: customers, holdoutFrequency: holdoutFrequency, duration: holdoutDuration)
        }
    }

    private static func attempt<Model>(
        _ name: String, into failures: inout [String: String], _ fit: () throws(ValueModelError) -> Model
    ) -> Model? {
        do {
            return try fit()
        } catch {
            failures[name] = error.message
            return nil
        }
    }
}
