import Foundation
import Testing

@testable import RapportValue

@Suite("Hypergeometric ₂F₁")
struct HypergeometricTests {
    /// ∫ₐᵇ f by composite Simpson's rule on a log-spaced grid (the integrands decay as powers).
    static func integrate(from lower: Double, to upper: Double, _ f: (Double) -> Double) -> Double {
        let n = 200_000
        let (u0, u1) = (log(1 + lower), log(1 + upper))
        let h = (u1 - u0) / Double(n)
        var sum = 0.0
        for i in 0...n {
            let u = u0 + Double(i) * h
            let weight: Double = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)
            sum += weight * f(exp(u) - 1) * exp(u)
        }
        return sum * h / 3
    }

    @Test(
        "Pareto/NBD death term equals its integral even when α and β differ by orders of magnitude",
        arguments: [(200.0, 0.05), (0.05, 200.0), (11.0, 10.0), (3.0, 3.0)])
    func paretoTermMatchesQuadrature(alpha: Double, beta: Double) {
        let p = ParetoNBDModel.Parameters(r: 0.7, alpha: alpha, s: 0.6, beta: beta)
        let (x, recency, age) = (4.0, 2.0, 40.0)
        let closedForm = exp(ParetoNBDModel.logTerms(p, x: x, recency: recency, age: age).died) / p.s
        let quadrature = Self.integrate(from: recency, to: age) { tau in
            pow(alpha + tau, -(p.r + x)) * pow(beta + tau, -(p.s + 1))
        }
        #expect(abs(closedForm / quadrature - 1) < 1e-7, "\(closedForm) vs \(quadrature)")
    }

    @Test("series matches known closed forms")
    func seriesKnownValues() {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z (A&S 15.1.3).
        #expect(abs(Hypergeometric.series(1, 1, 2, 0.9) - -log(0.1) / 0.9) < 1e-12)
        // ₂F₁(a, b; b; z) = (1 − z)^−a.
        #expect(abs(Hypergeometric.series(0.5, 3, 3, 0.6) - pow(0.4, -0.5)) < 1e-12)
        #expect(
            abs(
                Hypergeometric.logParetoForm(2, 1.5, 0.999) - log(Hypergeometric.series(2, 1.5, 3, 0.999)))
                < 1e-9)
    }
}
