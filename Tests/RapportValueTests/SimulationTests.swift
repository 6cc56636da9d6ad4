import Testing

@testable import RapportValue

@Suite("Simulation")
struct SimulationTests {
    @Test("the same seed gives the same customers")
    func deterministic() {
        let simulator = CustomerSimulator(seed: 7)
        let truth = BGNBDModel.Parameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let spend = GammaGammaModel.Parameters(p: 6.25, q: 3.74, gamma: 15.44)
        #expect(
            simulator.bgnbd(count: 1_000, parameters: truth, spend: spend)
                == simulator.bgnbd(count: 1_000, parameters: truth, spend: spend))
    }

    @Test("fits recover the parameters customers were simulated from")
    func recovery() throws {
        let simulator = CustomerSimulator(seed: 11)
        let truth = BGNBDModel.Parameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let spendTruth = GammaGammaModel.Parameters(p: 6.25, q: 3.74, gamma: 15.44)
        let customers = simulator.bgnbd(count: 100_000, parameters: truth, spend: spendTruth)
        let model = try BGNBDModel.fit(customers)
        let fitted = model.parameters
        for (f, t) in [(fitted.r, truth.r), (fitted.alpha, truth.alpha), (fitted.a, truth.a), (fitted.b, truth.b)] {
            #expect(abs(f / t - 1) < 0.06, "\(f) vs \(t)")
        }
        let spend = try GammaGammaModel.fit(customers).parameters
        for (f, t) in [(spend.p, spendTruth.p), (spend.q, spendTruth.q), (spend.gamma, spendTruth.gamma)] {
            #expect(abs(f / t - 1) < 0.06, "\(f) vs \(t)")
        }
    }

    @Test("gamma and beta samplers have the right means")
    func samplerMoments() {
        var random = SeededGenerator(seed: 3)
        let n = 200_000
        var (gammaSmall, gammaLarge, beta) = (0.0, 0.0, 0.0)
        for _ in 0..<n {
            gammaSmall += random.gamma(shape: 0.3, rate: 2)
            gammaLarge += random.gamma(shape: 6, rate: 0.5)
            beta += random.beta(0.8, 2.4)
        }
        #expect(abs(gammaSmall / Double(n) - 0.15) < 0.005)
        #expect(abs(gammaLarge / Double(n) - 12) < 0.1)
        #expect(abs(beta / Double(n) - 0.25) < 0.005)
    }
}
