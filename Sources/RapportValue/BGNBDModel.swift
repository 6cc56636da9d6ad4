import Foundation

/// The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
/// Way"): while alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase
/// they drop out with probability p ~ Beta(a, b).
public struct BGNBDModel: Sendable, Codable, Equatable {
    /// The four population parameters.
    public struct Parameters: Sendable, Codable, Equatable {
        public var r: Double
        public var alpha: Double
        public var a: Double
        public var b: Double

        public init(r: Double, alpha: Double, a: Double, b: Double) {
            (self.r, self.alpha, self.a, self.b) = (r, alpha, a, b)
        }

        var vector: [Double] { [r, alpha, a, b] }
        init(_ v: [Double]) { self.init(r: v[0], alpha: v[1], a: v[2], b: v[3]) }
    }

    public let parameters: Parameters
    /// The maximised log-likelihood, Σ ln L over all customers (nil for given parameters).
    public let logLikelihood: Double?
    /// Customers the model was fitted on.
    public let customerCount: Int

    /// A model with known parameters (for scoring with stored or simulated parameters).
    public init(parameters: Parameters, logLikelihood: Double? = nil, customerCount: Int = 0) {
        self.parameters = parameters
        self.logLikelihood = logLikelihood
        self.customerCount = customerCount
    }

    /// Fits by maximum likelihood.
    /// - Throws: `ValueModelError` for empty, invalid or degenerate input (no repeat buyers).
    public static func fit(_ customers: [CustomerSummary]) throws(ValueModelError) -> BGNBDModel {
        try fit(CompressedCustomers(customers))
    }

    /// Fits by maximum likelihood on compressed customers.
    ///
    /// BFGS with the analytic gradient (`logLikelihood(_:data:)`) on the log-parameters,
    /// minimising the mean negative log-likelihood so that tolerances do not depend on the
    /// number of customers. It starts at r = a = b = 1 and α = mean T, and restarts once from
    /// the optimum with a fresh Hessian to confirm it.
    public static func fit(_ data: CompressedCustomers) throws(ValueModelError) -> BGNBDModel {
        try data.requirePurchaseData()
        let n = Double(data.customerCount)
        let objective = { (theta: [Double]) -> (value: Double, gradient: [Double]) in
            let p = theta.map { exp($0) }
            let (ll, g) = evaluate(Parameters(p), data: data, withGradient: true)
            return (-ll / n, (0..<4).map { -g[$0] * p[$0] / n })
        }
        var start = [0, log(max(data.meanAge, 1e-6)), 0, 0]
        var result = BFGS().minimize(from: start, objective: objective)
        start = result.point
        let confirm = BFGS().minimize(from: start, objective: objective)
        if confirm.value <= result.value { result = confirm }
        return BGNBDModel(
            parameters: Parameters(try result.positiveParameters(model: "BG/NBD")), logLikelihood: -result.value * n,
            customerCount: data.customerCount)
    }

    /// Σ ln L(r, α, a, b | x, tₓ, T) over the customers (FHL 2005, eq. 6).
    public static func logLikelihood(_ parameters: Parameters, data: CompressedCustomers) -> Double {
        evaluate(parameters, data: data, withGradient: false).value
    }

    /// The log-likelihood and, optionally, its gradient with respect to (r, α, a, b).
    ///
    /// ln L = ln D(x) + ln[(α+T)^−(r+x) + δₓ₍₀ a/(b+x−1)·(α+tₓ)^−(r+x)] with
    /// ln D(x) = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b), using
    /// B(a+1, b+x−1)/B(a, b+x) = a/(b+x−1). D depends on x only and is summed once per
    /// distinct x; the bracket is a log-sum-exp per distinct triple, whose derivative is a
    /// mixture of the two terms' derivatives weighted by their shares w and 1 − w.
    static func evaluate(_ p: Parameters, data: CompressedCustomers, withGradient: Bool) -> (
        value: Double, gradient: [Double]
    ) {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        var total = [Double](repeating: 0, count: 5)
        let digammaR = withGradient ? SpecialFunctions.digamma(r) : 0
        let digammaB = withGradient ? SpecialFunctions.digamma(b) : 0
        let digammaAB = withGradient ? SpecialFunctions.digamma(a + b) : 0
        let constant = -SpecialFunctions.logGamma(r) + r * log(alpha) - SpecialFunctions.logBeta(a, b)
        var logShare = [Double](repeating: 0, count: data.distinctFrequencies.count)
        for (k, xi) in data.distinctFrequencies.enumerated() {
            let x = Double(xi)
            let w = data.distinctFrequencyWeights[k]
            logShare[k] = xi > 0 ? log(a) - log(b + x - 1) : -.infinity
            total[0] +=
                w * (SpecialFunctions.logGamma(r + x) + SpecialFunctions.logBeta(a, b + x) + constant)
            guard withGradient else { continue }
            let digammaABX = SpecialFunctions.digamma(a + b + x)
            total[1] += w * (SpecialFunctions.digamma(r + x) - digammaR + log(alpha))
            total[2] += w * r / alpha
            total[3] += w * (digammaAB - digammaABX)
            total[4] += w * (SpecialFunctions.digamma(b + x) - digammaB + digammaAB - digammaABX)
        }
        let perTriple = Parallel.sum(count: data.count, slots: 5) { range, acc in
            data.frequency.withUnsafeBufferPointer { xs in
                data.recency.withUnsafeBufferPointer { ts in
                    data.age.withUnsafeBufferPointer { ages in
                        data.weight.withUnsafeBufferPointer { weights in
                            data.frequencyIndex.withUnsafeBufferPointer { indices in
                                for i in range {
                                    let rx = r + xs[i]
                                    let logAgeTerm = log(alpha + ages[i])
                                    let first = -rx * logAgeTerm
                                    let share = logShare[Int(indices[i])]
                                    let w = weights[i]
                                    guard share > -.infinity else {
                                        acc[0] += w * first
                                        if withGradient {
                                            acc[1] -= w * logAgeTerm
                                            acc[2] -= w * rx / (alpha + ages[i])
                                        }
                                        continue
                                    }
                                    let logRecencyTerm = log(alpha + ts[i])
                                    let second = share - rx * logRecencyTerm
                                    acc[0] += w * SpecialFunctions.logAddExp(first, second)
                                    guard withGradient else { continue }
                                    let s = SpecialFunctions.logistic(second - first)
                                    acc[1] -= w * ((1 - s) * logAgeTerm + s * logRecencyTerm)
                                    acc[2] -= w * rx * ((1 - s) / (alpha + ages[i]) + s / (alpha + ts[i]))
                                    acc[3] += w * s / a
                                    acc[4] -= w * s / (b + xs[i] - 1)
                                }
                            }
                        }
                    }
                }
            }
        }
        for slot in 0..<5 { total[slot] += perTriple[slot] }
        return (total[0], Array(total[1...]))
    }
}
