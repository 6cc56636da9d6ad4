import Foundation

/// The Pareto/NBD purchase model (Schmittlein, Morrison & Colombo 1987): while alive a
/// customer buys at Poisson rate λ ~ Gamma(r, α) and dies at exponential rate μ ~ Gamma(s, β).
///
/// The likelihood is Fader & Hardie's closed form ("A Note on Deriving the Pareto/NBD Model
/// and Related Expressions", 2005, eq. 19–22) with the Gaussian hypergeometric ₂F₁.
public struct ParetoNBDModel: Sendable, Codable, Equatable {
    /// The four population parameters.
    public struct Parameters: Sendable, Codable, Equatable {
        public var r: Double
        public var alpha: Double
        public var s: Double
        public var beta: Double

        public init(r: Double, alpha: Double, s: Double, beta: Double) {
            (self.r, self.alpha, self.s, self.beta) = (r, alpha, s, beta)
        }

        var vector: [Double] { [r, alpha, s, beta] }
        init(_ v: [Double]) { self.init(r: v[0], alpha: v[1], s: v[2], beta: v[3]) }
    }

    public let parameters: Parameters
    /// The maximised log-likelihood.
    public let logLikelihood: Double
    /// Customers the model was fitted on.
    public let customerCount: Int

    public init(parameters: Parameters, logLikelihood: Double = .nan, customerCount: Int = 0) {
        self.parameters = parameters
        self.logLikelihood = logLikelihood
        self.customerCount = customerCount
    }

    /// Fits by maximum likelihood.
    public static func fit(_ customers: [CustomerSummary]) throws(ValueModelError) -> ParetoNBDModel {
        try fit(CompressedCustomers(customers))
    }

    /// Fits by maximum likelihood on compressed customers: Nelder–Mead with restarts on the
    /// log-parameters, minimising the mean negative log-likelihood.
    ///
    /// The surface is flat along ridges where (r, α) and (s, β) trade off, so the parameters
    /// are identified only to a few digits while the likelihood is exact; compare fits by
    /// log-likelihood and predictions.
    public static func fit(_ data: CompressedCustomers) throws(ValueModelError) -> ParetoNBDModel {
        if data.customerCount < 2 { throw .tooFewCustomers(count: data.customerCount, minimum: 2) }
        if data.repeatBuyers == 0 { throw .noRepeatBuyers }
        let n = Double(data.customerCount)
        let meanAge = zip(data.age, data.weight).reduce(0) { $0 + $1.0 * $1.1 } / n
        let result = NelderMead().minimize(from: [
            0, log(max(meanAge, 1e-6)), 0, log(max(meanAge, 1e-6)),
        ]) { theta in
            -logLikelihood(Parameters(theta.map { exp($0) }), data: data) / n
        }
        guard result.value.isFinite, result.point.allSatisfy({ $0.isFinite && abs($0) < 30 }) else {
            throw .fitFailed(
                model: "Pareto/NBD", reason: "the likelihood has no finite maximum for this data")
        }
        return ParetoNBDModel(
            parameters: Parameters(result.point.map { exp($0) }), logLikelihood: -result.value * n,
            customerCount: data.customerCount)
    }

    /// Σ ln L(r, α, s, β | x, tₓ, T) over the customers.
    public static func logLikelihood(_ p: Parameters, data: CompressedCustomers) -> Double {
        var total = 0.0
        let constant = -SpecialFunctions.logGamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta)
        for (x, w) in zip(data.distinctFrequencies, data.distinctFrequencyWeights) {
            total += w * (SpecialFunctions.logGamma(p.r + Double(x)) + constant)
        }
        let sums = Parallel.sum(count: data.count, slots: 1) { range, acc in
            for i in range {
                let terms = logTerms(p, x: data.frequency[i], recency: data.recency[i], age: data.age[i])
                acc[0] += data.weight[i] * SpecialFunctions.logAddExp(terms.alive, terms.died)
            }
        }
        return total + sums[0]
    }

    /// The two terms of L / [Γ(r+x) αʳ βˢ / Γ(r)], in logs: `alive` is the customer still
    /// alive at T, (α+T)^−(r+x) (β+T)^−s; `died` is death between tₓ and T,
    /// s/(r+s+x) · A₀ (Fader & Hardie 2005, eq. 22).
    ///
    /// A₀ = ₂F₁(r+s+x, c; r+s+x+1; z(tₓ))/(m+tₓ)^(r+s+x) − the same at T, with m = max(α, β),
    /// z(τ) = |α − β|/(m + τ) and c = s + 1 when α ≥ β, c = r + x otherwise: choosing the
    /// larger of α, β keeps 0 ≤ z < 1 and the series convergent however far apart α and β
    /// are. The difference is taken in log space (`logSubExp`) as in `lifetimes`.
    @inline(__always)
    static func logTerms(_ p: Parameters, x: Double, recency: Double, age: Double) -> (
        alive: Double, died: Double
    ) {
        let (r, alpha, s, beta) = (p.r, p.alpha, p.s, p.beta)
        let alive = -(r + x) * log(alpha + age) - s * log(beta + age)
        guard age > recency else { return (alive, -.infinity) }
        let rsx = r + s + x
        let (larger, shape) = alpha >= beta ? (alpha, s + 1) : (beta, r + x)
        let gap = abs(alpha - beta)
        let atRecency =
            Hypergeometric.logParetoForm(rsx, shape, gap / (larger + recency)) - rsx
            * log(larger + recency)
        let atAge =
            Hypergeometric.logParetoForm(rsx, shape, gap / (larger + age)) - rsx * log(larger + age)
        return (alive, log(s) - log(rsx) + SpecialFunctions.logSubExp(atRecency, atAge))
    }
}
