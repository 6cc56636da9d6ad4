import Testing

@testable import RapportValue

@Suite("BG/NBD")
struct BGNBDModelTests {
    @Test("R4.3 reproduces FHL 2005 on CDNOW within 0.5 %")
    func cdnowPublishedEstimates() throws {
        let model = try BGNBDModel.fit(CDNOWFixture.summaries())
        let p = model.parameters
        for (fitted, published) in [(p.r, 0.243), (p.alpha, 4.414), (p.a, 0.793), (p.b, 2.426)] {
            #expect(abs(fitted / published - 1) < 0.005, "\(fitted) vs \(published)")
        }
        #expect(abs(try #require(model.logLikelihood) - -9582.4) < 0.5)
        #expect(model.customerCount == 2357)
    }

    @Test("analytic gradient matches central differences")
    func gradientMatchesFiniteDifferences() throws {
        let data = try CompressedCustomers(CDNOWFixture.summaries())
        let point = BGNBDModel.Parameters(r: 0.4, alpha: 3.1, a: 1.3, b: 2.2)
        let analytic = BGNBDModel.evaluate(point, data: data, withGradient: true).gradient
        for k in 0..<4 {
            let h = 1e-6 * point.vector[k]
            var up = point.vector
            var down = point.vector
            up[k] += h
            down[k] -= h
            let numeric =
                (BGNBDModel.logLikelihood(.init(up), data: data)
                    - BGNBDModel.logLikelihood(.init(down), data: data)) / (2 * h)
            #expect(abs(numeric - analytic[k]) < 1e-4 * max(1, abs(numeric)), "parameter \(k)")
        }
    }
}
