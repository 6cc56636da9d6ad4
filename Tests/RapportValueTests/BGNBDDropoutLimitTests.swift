import Foundation
import Testing

@testable import RapportValue

@Suite("BG/NBD predictions when a fit runs off to very large a and b")
struct BGNBDDropoutLimitTests {
    /// A calibration fit on the demo data's USD purchases (2 000 people, calibration end
    /// 2026-03-03): a and b in the millions, dropout probability a/(a+b) ≈ 0.0825.
    static let runaway = BGNBDModel.Parameters(r: 0.461, alpha: 7.400, a: 1_159_225.8, b: 12_894_315.4)

    /// The same dropout probability with a and b small enough for the series.
    static func moderate(_ a: Double) -> BGNBDModel.Parameters {
        .init(r: runaway.r, alpha: runaway.alpha, a: a, b: a * runaway.b / runaway.a)
    }

    @Test("E[Y(t) | x, tₓ, T] stays finite and continues the series' values as a and b grow")
    func limitContinuesTheSeries() {
        let huge = BGNBDModel(parameters: Self.runaway)
        let series = BGNBDModel(parameters: Self.moderate(400))
        for (x, recency, age) in [(0, 0.0, 30.0), (1, 10.0, 30.0), (4, 25.0, 30.0), (12, 29.0, 30.0)] {
            let limit = huge.expectedPurchases(in: 39, frequency: x, recency: recency, age: age)
            let reference = series.expectedPurchases(in: 39, frequency: x, recency: recency, age: age)
            #expect(limit.isFinite && limit > 0, "x = \(x)")
            #expect(abs(limit - reference) / reference < 0.01, "x = \(x): \(limit) against \(reference)")
        }
        #expect(huge.expectedPurchasesOfNewCustomer(in: 39).isFinite)
    }

    @Test("the limit is the point-mass dropout model (1/p)[1 − ((α+T)/(α+T+pt))^(r+x)]")
    func limitIsThePointMassModel() {
        let model = BGNBDModel(parameters: Self.runaway)
        let p = Self.runaway.a / (Self.runaway.a + Self.runaway.b)
        let (r, alpha, x, age, t) = (Self.runaway.r, Self.runaway.alpha, 3.0, 40.0, 39.0)
        let expected = (1 - pow((alpha + age) / (alpha + age + p * t), r + x)) / p
        #expect(abs(model.growthFactor(t: t, frequency: 3, age: age) - expected) < 1e-12 * expected)
    }

    @Test("moderate parameters still use the exact series (CDNOW's conditional expectation unchanged)")
    func moderateUnchanged() {
        let cdnow = BGNBDModel(parameters: .init(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426))
        #expect(abs(cdnow.expectedPurchases(in: 39, frequency: 2, recency: 30.43, age: 38.86) - 1.226) < 1e-3)
    }
}
