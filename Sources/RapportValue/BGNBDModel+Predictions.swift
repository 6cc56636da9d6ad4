import Foundation

extension BGNBDModel {
    /// P(alive | x, tₓ, T) (FHL 2005, eq. 9; Fader, Hardie & Lee 2008 note):
    /// 1 / (1 + δₓ₍₀ a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)), evaluated as a logistic in log space.
    /// A customer without repeat purchases has not had a chance to drop out under BG/NBD: 1.
    public func probabilityAlive(frequency: Int, recency: Double, age: Double) -> Double {
        guard frequency > 0 else { return 1 }
        let (r, alpha, a, b) = (parameters.r, parameters.alpha, parameters.a, parameters.b)
        let x = Double(frequency)
        let odds =
            log(a) - log(b + x - 1) + (r + x) * (log(alpha + age) - log(alpha + min(recency, age)))
        return SpecialFunctions.logistic(-odds)
    }

    /// E[Y(t) | x, tₓ, T]: expected purchases in the next `t` periods (FHL 2005, eq. 10).
    public func expectedPurchases(in t: Double, frequency: Int, recency: Double, age: Double)
        -> Double
    {
        guard t > 0 else { return 0 }
        let growth = growthFactor(t: t, frequency: frequency, age: age)
        return growth * probabilityAlive(frequency: frequency, recency: recency, age: age)
    }

    /// E[X(t)]: expected purchases in (0, t] of a customer who has just made a first purchase
    /// (FHL 2005, eq. 7) — the conditional expectation with x = 0 and T = 0.
    public func expectedPurchasesOfNewCustomer(in t: Double) -> Double {
        t > 0 ? growthFactor(t: t, frequency: 0, age: 0) : 0
    }

    /// The part of eq. 10 that does not depend on tₓ:
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))].
    ///
    /// Euler's transformation (A&S 15.3.3) folds the power into the function:
    /// ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
    /// whose terms stay bounded for any x, where the original overflows for heavy buyers.
    /// At a = 1 both factors vanish; a is moved off 1 by 1e-7, changing the result by ~1e-7.
    ///
    /// A fit can run off to very large a and b with a/(a+b) settled (the dropout probability
    /// p is then the same for everyone): the folded series' terms grow like e^(a·z) and
    /// overflow once a·z passes ~700. The factor then takes its limit for a, b → ∞ with
    /// p = a/(a+b) fixed, (1/p) · [1 − ((α+T)/(α+T+p·t))^(r+x)] — the point-mass dropout
    /// model — whose relative error is of order 1/(a+b), below 1e-3 wherever the series fails.
    func growthFactor(t: Double, frequency: Int, age: Double) -> Double {
        let (r, alpha, b) = (parameters.r, parameters.alpha, parameters.b)
        var a = parameters.a
        if abs(a - 1) < 1e-7 { a = 1 + 1e-7 }
        let x = Double(frequency)
        let z = t / (alpha + age + t)
        let folded =
            exp((a - 1) * log1p(-z)) * Hypergeometric.series(a + b - 1 - r, a - 1, a + b + x - 1, z)
        let growth = (a + b + x - 1) / (a - 1) * (1 - folded)
        guard !growth.isFinite, a > 1 else { return growth }
        let p = a / (a + b)
        return -expm1((r + x) * (log(alpha + age) - log(alpha + age + p * t))) / p
    }
}
