import Foundation

/// The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, in the two forms the
/// models need.
enum Hypergeometric {
    /// ₂F₁(a, b; c; z) by its defining power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ
    /// (Abramowitz & Stegun 15.1.1), for 0 ≤ z < 1 and c not a non-positive integer.
    ///
    /// The series converges geometrically with ratio → z. Terms may change sign (BG/NBD's
    /// a − 1 < 0 is common), so the sum stops only after two consecutive terms are negligible.
    /// A c within 1e-12 of a non-positive integer is moved off the pole by 1e-9, a limit
    /// the BG/NBD expressions approach only on a set of measure zero.
    static func series(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        var c = c
        if c <= 0, abs(c - c.rounded()) < 1e-12 { c += 1e-9 }
        var term = 1.0
        var sum = 1.0
        var quiet = 0
        var n = 0.0
        while n < 200_000 {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            n += 1
            if abs(term) <= 1e-17 * abs(sum) {
                quiet += 1
                if quiet == 2 { break }
            } else {
                quiet = 0
            }
        }
        return sum
    }

    /// ln ₂F₁(a, b; a + 1; z) for a > 0, b > 0, 0 ≤ z < 1 — the form in the Pareto/NBD
    /// likelihood (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model", eq. 20).
    ///
    /// Euler's transformation (A&S 15.3.3) gives
    /// ₂F₁(a, b; a+1; z) = (1 − z)^(1−b) ₂F₁(1, a+1−b; a+1; z), whose series has only positive
    /// terms with ratio (a+1−b+n)/(a+1+n)·z < z: no cancellation, and the tail after a term tₙ
    /// is below tₙ·z/(1 − z), a rigorous stopping rule. This keeps the likelihood accurate when
    /// α and β differ by orders of magnitude and z approaches 1 (it needs about
    /// ln(1e-17)/ln z terms there, still exact).
    static func logParetoForm(_ a: Double, _ b: Double, _ z: Double) -> Double {
        if z <= 0 { return 0 }
        let shift = a + 1 - b
        let tailFactor = z / (1 - z)
        var term = 1.0
        var sum = 1.0
        var n = 0.0
        while n < 10_000_000 {
            term *= (shift + n) / (a + 1 + n) * z
            sum += term
            n += 1
            if term * tailFactor <= 1e-17 * sum { break }
        }
        return (1 - b) * log1p(-z) + log(sum)
    }
}
