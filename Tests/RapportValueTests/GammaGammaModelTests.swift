import Testing

@testable import RapportValue

@Suite("Gamma-Gamma")
struct GammaGammaModelTests {
    @Test("R4.3 reproduces Fader & Hardie 2013 on CDNOW within 0.5 %")
    func cdnowPublishedEstimates() throws {
        let model = try GammaGammaModel.fit(CDNOWFixture.summaries())
        #expect(model.customerCount == 946)
        let p = model.parameters
        for (fitted, published) in [(p.p, 6.25), (p.q, 3.74), (p.gamma, 15.44)] {
            #expect(abs(fitted / published - 1) < 0.005, "\(fitted) vs \(published)")
        }
    }

    @Test("expected spend shrinks a customer's mean towards the population mean")
    func expectedSpendIsAWeightedMean() {
        let model = GammaGammaModel(parameters: .init(p: 6.25, q: 3.74, gamma: 15.44))
        let population = 6.25 * 15.44 / 2.74
        #expect(abs(model.expectedSpend(frequency: 0, monetaryValue: 0) - population) < 1e-12)
        let one = model.expectedSpend(frequency: 1, monetaryValue: 100)
        #expect(one > population && one < 100)
        let many = model.expectedSpend(frequency: 50, monetaryValue: 100)
        #expect(many > one && many < 100)
    }
}
