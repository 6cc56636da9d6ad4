import Foundation

extension ParetoNBDModel {
    /// P(alive | x, tₓ, T): the share of the likelihood from "still alive at T"
    /// (Fader & Hardie 2005 note, eq. 24).
    public func probabilityAlive(frequency: Int, recency: Double, age: Double) -> Double {
        let terms = Self.logTerms(
            parameters, x: Double(frequency), recency: frequency == 0 ? 0 : min(recency, age), age: age)
        return exp(terms.alive - SpecialFunctions.logAddExp(terms.alive, terms.died))
    }

    /// E[Y(t) | x, tₓ, T] (Fader & Hardie 2005 note, eq. 26):
    /// P(alive) · (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)].
    ///
    /// The bracket over (s − 1) is computed as −expm1(−(s−1)·ln(1 + t/(β+T)))/(s−1), which
    /// tends to ln(1 + t/(β+T)) as s → 1 instead of 0/0.
    public func expectedPurchases(in t: Double, frequency: Int, recency: Double, age: Double)
        -> Double
    {
        guard t > 0 else { return 0 }
        let (r, alpha, s, beta) = (parameters.r, parameters.alpha, parameters.s, parameters.beta)
        let logGrowth = log1p(t / (beta + age))
        let horizon = abs(s - 1) < 1e-10 ? logGrowth : -expm1(-(s - 1) * logGrowth) / (s - 1)
        let rate = (r + Double(frequency)) * (beta + age) / (alpha + age)
        return probabilityAlive(frequency: frequency, recency: recency, age: age) * rate * horizon
    }
}
