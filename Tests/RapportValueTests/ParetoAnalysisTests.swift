import Testing

@testable import RapportValue

@Suite("Pareto analysis")
struct ParetoAnalysisTests {
    @Test("R3.3 top 20 % share with the customer at the cut interpolated")
    func topShare() throws {
        let analysis = try ParetoAnalysis(revenue: [10, 50, 5, 20, 10, 5], margin: [1, 1, 1, 1, 1, 5], points: 10)
        // 20 % of 6 customers = 1.2: all of 50 and 0.2 of 20, out of 100.
        #expect(abs(analysis.revenueShareOfTop - 0.54) < 1e-12)
        // Margins 5,1,1,1,1,1 of 10: 5 + 0.2 × 1.
        #expect(abs((analysis.marginShareOfTop ?? 0) - 0.52) < 1e-12)
        #expect(analysis.revenueCurve.first == .init(customerShare: 0, valueShare: 0))
        #expect(abs((analysis.revenueCurve.last?.valueShare ?? 0) - 1) < 1e-12)
        #expect(analysis.revenueCurve.count == 11)
        let shares = analysis.revenueCurve.map(\.valueShare)
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("R3.3 CDNOW repeat spend is concentrated")
    func cdnowConcentration() throws {
        let revenue = try CDNOWFixture.summaries().map { Double($0.frequency) * $0.monetaryValue }
        let analysis = try ParetoAnalysis(revenue: revenue)
        #expect(analysis.revenueShareOfTop > 0.8)
    }

    @Test("shares of a non-positive total, NaN and mismatched margins are rejected")
    func badInput() {
        #expect(throws: ValueModelError.self) { try ParetoAnalysis(revenue: [0, 0]) }
        #expect(throws: ValueModelError.self) { try ParetoAnalysis(revenue: [5, -10]) }
        #expect(throws: ValueModelError.self) { try ParetoAnalysis(revenue: [1, .nan]) }
        #expect(throws: ValueModelError.self) { try ParetoAnalysis(revenue: [1, 2], margin: [1]) }
        #expect(throws: ValueModelError.noCustomers) { try ParetoAnalysis(revenue: []) }
    }
}
