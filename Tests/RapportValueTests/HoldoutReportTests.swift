import Testing

@testable import RapportValue

@Suite("Holdout report")
struct HoldoutReportTests {
    static func cdnowReport() throws -> HoldoutReport {
        let split = try CalibrationSummary(
            transactions: CDNOWFixture.transactions(), calibrationEnd: CDNOWFixture.calibrationEnd,
            holdoutEnd: CDNOWFixture.holdoutEnd)
        let model = try BGNBDModel.fit(split.customers)
        return try HoldoutReport(
            model: model, customers: split.customers, holdoutFrequency: try #require(split.holdoutFrequency),
            duration: try #require(split.holdoutDuration))
    }

    @Test("R4.3 CDNOW 39-week holdout totals: 1 882 actual repeat purchase days, 2 357 customers")
    func cdnowTotals() throws {
        let report = try Self.cdnowReport()
        #expect(report.duration == 39)
        #expect(report.totalActual == 1882)
        #expect(report.groups.map(\.customers) == [1411, 439, 214, 100, 62, 38, 29, 64])
        #expect(report.groups.map(\.label) == ["0", "1", "2", "3", "4", "5", "6", "7+"])
        // Σ E[Y(39) | x, tₓ, T] of this engine (regression value); BG/NBD under-forecasts
        // this holdout, as FHL 2005 Fig. 4 shows group by group.
        #expect(abs(report.totalPredicted - 1653.4) < 1)
    }

    @Test("R4.3 CDNOW holdout by calibration purchases: actual means are FHL 2005 Fig. 4's")
    func cdnowByFrequency() throws {
        let report = try Self.cdnowReport()
        let published = [0.24, 0.70, 1.39, 1.56, 2.53, 2.95, 3.86, 6.36]
        for (group, value) in zip(report.groups, published) {
            #expect(abs(group.actualPerCustomer - value) < 0.005, "\(group.label)")
        }
        let predicted = report.groups.map(\.predictedPerCustomer)
        #expect(zip(predicted, predicted.dropFirst()).allSatisfy { $0 < $1 })
        for group in report.groups {
            #expect(group.predictedPerCustomer < group.actualPerCustomer)
            #expect(group.actualPerCustomer - group.predictedPerCustomer < 0.4, "\(group.label)")
        }
    }

    @Test("mismatched holdout counts are rejected")
    func mismatchedCounts() throws {
        let customers = try CDNOWFixture.summaries()
        let model = BGNBDModel(parameters: .init(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426))
        #expect(throws: ValueModelError.self) {
            try HoldoutReport(model: model, customers: customers, holdoutFrequency: [1, 2], duration: 39)
        }
    }
}
