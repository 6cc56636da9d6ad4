import Foundation
import Testing

@testable import RapportValue

@Suite("Predictions")
struct PredictionTests {
    static let bgnbd = BGNBDModel(parameters: .init(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426))
    static let pareto = ParetoNBDModel(
        parameters: .init(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669))

    @Test(
        "R4.3 BG/NBD conditional expectation matches Hardie's spreadsheet (x=2, tₓ=30.43, T=38.86, t=39 → 1.226)"
    )
    func bgnbdConditionalExpectation() {
        let value = Self.bgnbd.expectedPurchases(in: 39, frequency: 2, recency: 30.43, age: 38.86)
        #expect(abs(value - 1.226) < 1e-3)
    }

    @Test("R4.3 BG/NBD E[X(t)] at the CDNOW optimum matches Hardie's spreadsheet values")
    func bgnbdUnconditionalExpectation() throws {
        let model = try BGNBDModel.fit(CDNOWFixture.summaries())
        let times = [0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00]
        let expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576]
        for (t, value) in zip(times, expected) {
            #expect(abs(model.expectedPurchasesOfNewCustomer(in: t) - value) < 5e-4, "t = \(t)")
        }
    }

    @Test("BG/NBD P(alive) is 1 without repeat purchases, within [0, 1] and falls as recency ages")
    func bgnbdProbabilityAlive() {
        #expect(Self.bgnbd.probabilityAlive(frequency: 0, recency: 0, age: 38) == 1)
        let recent = Self.bgnbd.probabilityAlive(frequency: 5, recency: 37, age: 38)
        let lapsed = Self.bgnbd.probabilityAlive(frequency: 5, recency: 5, age: 38)
        #expect(recent > lapsed && lapsed > 0 && recent < 1)
        #expect(Self.bgnbd.probabilityAlive(frequency: 500, recency: 1, age: 1_000) >= 0)
    }

    @Test("BG/NBD heavy buyers stay finite (Euler-folded ₂F₁)")
    func bgnbdHeavyBuyer() {
        let value = Self.bgnbd.expectedPurchases(in: 52, frequency: 2_000, recency: 38.8, age: 38.86)
        #expect(value.isFinite && value > 1_000)
    }

    @Test("Pareto/NBD E[Y(t)] for a new customer equals rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)]")
    func paretoNewCustomer() {
        let p = Self.pareto.parameters
        let t = 39.0
        let closed = p.r * p.beta / (p.alpha * (p.s - 1)) * (1 - pow(p.beta / (p.beta + t), p.s - 1))
        #expect(
            abs(Self.pareto.expectedPurchases(in: t, frequency: 0, recency: 0, age: 0) - closed) < 1e-12)
    }

    @Test("Pareto/NBD P(alive) lies in [0, 1], falls with time since the last purchase")
    func paretoProbabilityAlive() {
        let recent = Self.pareto.probabilityAlive(frequency: 4, recency: 37, age: 38)
        let lapsed = Self.pareto.probabilityAlive(frequency: 4, recency: 5, age: 38)
        #expect(recent > lapsed && lapsed > 0 && recent <= 1)
    }
}
