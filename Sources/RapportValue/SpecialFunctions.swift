import Foundation

/// Log-gamma, digamma and log-space sums used by the likelihoods.
enum SpecialFunctions {
    /// ln Γ(x) for x > 0 (glibc's `lgamma`, which is accurate to a few ulp).
    @inline(__always)
    static func logGamma(_ x: Double) -> Double {
        let value: Double = lgamma(x)
        return value
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
    @inline(__always)
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// ψ(x), the digamma function, for x > 0.
    ///
    /// Shifts x above 6 with ψ(x) = ψ(x + 1) − 1/x, then uses the asymptotic series
    /// ψ(x) ≈ ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (Abramowitz & Stegun 6.3.18), which at x ≥ 6 is
    /// accurate to about 1e-15.
    static func digamma(_ x: Double) -> Double {
        var x = x
        var shift = 0.0
        while x < 6 {
            shift -= 1 / x
            x += 1
        }
        let inv = 1 / x
        let inv2 = inv * inv
        let series =
            inv2
            * (1.0 / 12 - inv2
                * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))))
        return shift + log(x) - 0.5 * inv - series
    }

    /// ln(eᵘ + eᵛ) without overflow; −∞ operands are allowed.
    @inline(__always)
    static func logAddExp(_ u: Double, _ v: Double) -> Double {
        let high = max(u, v)
        if high == -.infinity { return -.infinity }
        return high + log1p(exp(min(u, v) - high))
    }

    /// ln(eᵘ − eᵛ) for u ≥ v; −∞ when they are equal.
    @inline(__always)
    static func logSubExp(_ u: Double, _ v: Double) -> Double {
        if v == -.infinity { return u }
        return u + log(-expm1(v - u))
    }

    /// The logistic function 1/(1 + e⁻ᵘ), stable for large |u|.
    @inline(__always)
    static func logistic(_ u: Double) -> Double {
        u >= 0 ? 1 / (1 + exp(-u)) : exp(u) / (1 + exp(u))
    }
}
