import Foundation

/// The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma
/// Model of Monetary Value"): each customer's transaction values are Gamma(p, ν) with
/// ν ~ Gamma(q, γ) across customers, independent of the purchase process.
public struct GammaGammaModel: Sendable, Codable, Equatable {
    /// The three population parameters.
    public struct Parameters: Sendable, Codable, Equatable {
        public var p: Double
        public var q: Double
        public var gamma: Double

        public init(p: Double, q: Double, gamma: Double) {
            (self.p, self.q, self.gamma) = (p, q, gamma)
        }
    }

    public let parameters: Parameters
    /// The maximised log-likelihood over the customers fitted (nil for given parameters).
    public let logLikelihood: Double?
    /// Repeat buyers with a positive average spend — the customers fitted.
    public let customerCount: Int

    public init(parameters: Parameters, logLikelihood: Double? = nil, customerCount: Int = 0) {
        self.parameters = parameters
        self.logLikelihood = logLikelihood
        self.customerCount = customerCount
    }

    /// Fits on the customers with repeat purchases and a positive average repeat spend.
    ///
    /// Customers without repeat purchases carry no spend information under the model (their
    /// z̄ is undefined) and a repeat buyer whose net spend is ≤ 0 (returns) cannot come from a
    /// gamma distribution, so both are left out, as in Fader & Hardie (2013, §3).
    /// - Throws: `noRepeatBuyers`, `allZeroSpend`, `tooFewCustomers` (fewer than 2 usable).
    public static func fit(_ customers: [CustomerSummary]) throws(ValueModelError) -> GammaGammaModel {
        try customers.validated()
        let repeaters = customers.filter { $0.frequency > 0 }
        if repeaters.isEmpty { throw .noRepeatBuyers }
        let usable = repeaters.filter { $0.monetaryValue > 0 }
        if usable.isEmpty { throw .allZeroSpend }
        if usable.count < 2 { throw .tooFewCustomers(count: usable.count, minimum: 2) }
        let data = SpendData(usable)
        let n = Double(usable.count)
        let objective = { (theta: [Double]) -> (value: Double, gradient: [Double]) in
            let v = theta.map { exp($0) }
            let (ll, g) = evaluate(Parameters(p: v[0], q: v[1], gamma: v[2]), data: data)
            return (-ll / n, (0..<3).map { -g[$0] * v[$0] / n })
        }
        let meanSpend = usable.reduce(0) { $0 + $1.monetaryValue } / n
        let result = BFGS().minimize(from: [0, 0, log(meanSpend)], objective: objective)
        let v = try result.positiveParameters(model: "Gamma-Gamma")
        return GammaGammaModel(
            parameters: Parameters(p: v[0], q: v[1], gamma: v[2]), logLikelihood: -result.value * n,
            customerCount: usable.count)
    }

    /// Σ ln L(p, q, γ | x, z̄) over repeat buyers with positive spend (Fader & Hardie 2013, eq. 3).
    public static func logLikelihood(_ parameters: Parameters, customers: [CustomerSummary]) -> Double {
        evaluate(
            parameters, data: SpendData(customers.filter { $0.frequency > 0 && $0.monetaryValue > 0 })
        ).value
    }

    /// E[Z | x, z̄]: the expected spend per transaction of a customer (Fader & Hardie 2013, eq. 5),
    /// a weighted mean of the population mean pγ/(q − 1) and the customer's own z̄.
    ///
    /// A customer without repeat purchases gets the population mean. When q ≤ 1 that mean is
    /// infinite, so such a customer gets their own z̄ (or 0) instead of a non-finite value.
    public func expectedSpend(frequency: Int, monetaryValue: Double) -> Double {
        let (p, q, gamma) = (parameters.p, parameters.q, parameters.gamma)
        let x = Double(max(frequency, 0))
        let spend = x > 0 ? max(monetaryValue, 0) : 0
        let denominator = p * x + q - 1
        guard denominator > 0 else { return spend }
        return p * (gamma + x * spend) / denominator
    }

    /// Per-customer arrays: the terms of ln L that depend only on x are computed once per
    /// distinct x, so each customer costs one logarithm, ln(γ + x z̄), per evaluation.
    struct SpendData: Sendable {
        let frequency: [Double]
        let spend: [Double]
        let distinct: [(x: Double, count: Double)]
        let sumLogSpend: Double
        let sumFrequencyLogSpend: Double

        init(_ customers: [CustomerSummary]) {
            frequency = customers.map { Double($0.frequency) }
            spend = customers.map(\.monetaryValue)
            distinct = Dictionary(grouping: frequency, by: { $0 }).map {
                ($0.key, Double($0.value.count))
            }.sorted { $0.x < $1.x }
            sumLogSpend = spend.reduce(0) { $0 + log($1) }
            sumFrequencyLogSpend = zip(frequency, spend).reduce(0) { $0 + $1.0 * log($1.1) }
        }
    }

    /// The log-likelihood and its gradient in (p, q, γ).
    static func evaluate(_ parameters: Parameters, data: SpendData) -> (
        value: Double, gradient: [Double]
    ) {
        let (p, q, gamma) = (parameters.p, parameters.q, parameters.gamma)
        let digammaQ = SpecialFunctions.digamma(q)
        var (value, dp, dq) = (0.0, 0.0, 0.0)
        for (x, count) in data.distinct {
            let px = p * x
            let digammaPXQ = SpecialFunctions.digamma(px + q)
            value +=
                count
                * (SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px)
                    - SpecialFunctions.logGamma(q)
                    + q * log(gamma) + px * log(x))
            dp += count * x * (digammaPXQ - SpecialFunctions.digamma(px) + log(x))
            dq += count * (digammaPXQ - digammaQ + log(gamma))
        }
        let n = Double(data.frequency.count)
        value += p * data.sumFrequencyLogSpend - data.sumLogSpend
        dp += data.sumFrequencyLogSpend
        let sums = Parallel.sum(count: data.frequency.count, slots: 4) { range, acc in
            for i in range {
                let x = data.frequency[i]
                let logTotal = log(gamma + x * data.spend[i])
                let shape = p * x + q
                acc[0] += shape * logTotal
                acc[1] += x * logTotal
                acc[2] += logTotal
                acc[3] += shape / (gamma + x * data.spend[i])
            }
        }
        value -= sums[0]
        dp -= sums[1]
        dq -= sums[2]
        let dGamma = n * q / gamma - sums[3]
        return (value, [dp, dq, dGamma])
    }
}
