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
    /// The maximised log-likelihood (nil for given parameters).
    public let logLikelihood: Double?
    /// Customers the model was fitted on.
    public let customerCount: Int

    public init(parameters: Parameters, logLikelihood: Double? = nil, customerCount: Int = 0) {
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
        try data.requirePurchaseData()
        let n = Double(data.customerCount)
        let scale = log(max(data.meanAge, 1e-6))
        let result = NelderMead().minimize(from: [0, scale, 0, scale]) { theta in
            -logLikelihood(Parameters(theta.map { exp($0) }), data: data) / n
        }
        return ParetoNBDModel(
            parameters: Parameters(try result.positiveParameters(model: "Pareto/NBD")),
            logLikelihood: -result.value * n, customerCount: data.customerCount)
    }

    /// Σ ln L(r, α, s, β | x, tₓ, T) over the customers.
    ///
    /// The alive term and the ₂F₁ boundary at T depend on (x, T) only, so they are computed
    /// once per distinct pair; each triple then costs one ₂F₁ (at tₓ) and two log-sum-exps.
    public static func logLikelihood(_ p: Parameters, data: CompressedCustomers) -> Double {
        var total = 0.0
        let constant = -SpecialFunctions.logGamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta)
        for (x, w) in zip(data.distinctFrequencies, data.distinctFrequencyWeights) {
            total += w * (SpecialFunctions.logGamma(p.r + Double(x)) + constant)
        }
        var pairTerms = [(alive: Double, boundary: Double)](repeating: (0, 0), count: data.pairAge.count)
        pairTerms.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeOutput(base: buffer.baseAddress!)
            Parallel.forEachChunk(count: data.pairAge.count, serialBelow: 256, minimumChunk: 64) { range in
                for k in range {
                    let (x, age) = (data.pairFrequency[k], data.pairAge[k])
                    out.base[k] = (aliveTerm(p, x: x, age: age), deathBoundary(p, x: x, at: age))
                }
            }
        }
        let sums = Parallel.sum(count: data.count, slots: 1) { range, acc in
            for i in range {
                let pair = pairTerms[Int(data.pairIndex[i])]
                var died = -Double.infinity
                if data.age[i] > data.recency[i] {
                    let x = data.frequency[i]
                    let atRecency = deathBoundary(p, x: x, at: data.recency[i])
                    died = log(p.s) - log(p.r + p.s + x) + SpecialFunctions.logSubExp(atRecency, pair.boundary)
                }
                acc[0] += data.weight[i] * SpecialFunctions.logAddExp(pair.alive, died)
            }
        }
        return total + sums[0]
    }

    /// The two terms of L / [Γ(r+x) αʳ βˢ / Γ(r)], in logs: `alive` is the customer still
    /// alive at T, (α+T)^−(r+x) (β+T)^−s; `died` is death between tₓ and T,
    /// s/(r+s+x) · A₀ (Fader & Hardie 2005, eq. 22), with A₀ the difference of
    /// `deathBoundary` at tₓ and at T, taken in log space (`logSubExp`) as in `lifetimes`.
    static func logTerms(_ p: Parameters, x: Double, recency: Double, age: Double) -> (alive: Double, died: Double) {
        let alive = aliveTerm(p, x: x, age: age)
        guard age > recency else { return (alive, -.infinity) }
        let difference = SpecialFunctions.logSubExp(
            deathBoundary(p, x: x, at: recency), deathBoundary(p, x: x, at: age))
        return (alive, log(p.s) - log(p.r + p.s + x) + difference)
    }

    /// ln[(α+T)^−(r+x) (β+T)^−s].
    @inline(__always)
    static func aliveTerm(_ p: Parameters, x: Double, age: Double) -> Double {
        -(p.r + x) * log(p.alpha + age) - p.s * log(p.beta + age)
    }

    /// ln[₂F₁(r+s+x, c; r+s+x+1; z(τ)) / (m+τ)^(r+s+x)], one end of A₀, with m = max(α, β),
    /// z(τ) = |α − β|/(m + τ), and c = s + 1 when α ≥ β, c = r + x otherwise: choosing the
    /// larger of α, β keeps 0 ≤ z < 1 and the series convergent however far apart they are.
    @inline(__always)
    static func deathBoundary(_ p: Parameters, x: Double, at tau: Double) -> Double {
        let rsx = p.r + p.s + x
        let (larger, shape) = p.alpha >= p.beta ? (p.alpha, p.s + 1) : (p.beta, p.r + x)
        return Hypergeometric.logParetoForm(rsx, shape, abs(p.alpha - p.beta) / (larger + tau))
            - rsx * log(larger + tau)
    }
}
