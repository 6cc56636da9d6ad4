import Testing

@testable import RapportValue

@Suite("Pareto/NBD")
struct ParetoNBDModelTests {
    static let published = ParetoNBDModel.Parameters(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669)

    @Test("R4.3 reaches the published CDNOW optimum (compared by log-likelihood)")
    func cdnowLogLikelihood() throws {
        let data = try CompressedCustomers(CDNOWFixture.summaries())
        let model = try ParetoNBDModel.fit(data)
        let atPublished = ParetoNBDModel.logLikelihood(Self.published, data: data)
        #expect(abs(atPublished - -9595.0) < 0.5)
        let fitted = try #require(model.logLikelihood)
        #expect(fitted >= atPublished - 1e-6)
        #expect(fitted - atPublished < 0.05)
        let p = model.parameters
        for (fitted, reference) in [(p.r, 0.553), (p.alpha, 10.578), (p.s, 0.606), (p.beta, 11.669)] {
            #expect(abs(fitted / reference - 1) < 0.05, "\(fitted) vs \(reference)")
        }
    }

    @Test("likelihood is continuous where α and β swap roles in the closed form")
    func continuousAcrossAlphaEqualsBeta() throws {
        let below = ParetoNBDModel.Parameters(r: 0.5, alpha: 10 - 1e-7, s: 0.6, beta: 10)
        let above = ParetoNBDModel.Parameters(r: 0.5, alpha: 10 + 1e-7, s: 0.6, beta: 10)
        let l1 = ParetoNBDModel.logTerms(below, x: 3, recency: 20, age: 38)
        let l2 = ParetoNBDModel.logTerms(above, x: 3, recency: 20, age: 38)
        #expect(abs(l1.died - l2.died) < 1e-6)
    }
}
