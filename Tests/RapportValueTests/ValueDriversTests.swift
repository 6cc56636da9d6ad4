import Foundation
import RapportCore
import Testing

@testable import RapportValue

@Suite("Value drivers and lifetime value estimates")
struct ValueDriversTests {
    /// Three members on day 1000: A bought from day 0 to 400, B once on day 100, C from day
    /// 800 to 900 (acquired too recently to count for any retention year).
    static func tally(years: Int = 5) -> ValueDrivers.Tally {
        var tally = ValueDrivers.Tally(years: years)
        tally.add(netRevenue: 200, margin: 60, purchases: 4, firstDay: 0, lastDay: 400, today: 1000)
        tally.add(netRevenue: 50, margin: 10, purchases: 1, firstDay: 100, lastDay: 100, today: 1000)
        tally.add(netRevenue: 50, margin: 20, purchases: 1, firstDay: 800, lastDay: 900, today: 1000)
        return tally
    }

    @Test("R4.4 hand-computed drivers: order value, margin rate, longevity, margin per month, revenue per year")
    func handComputed() throws {
        let drivers = try #require(ValueDrivers(Self.tally(), minimumBasis: 1))
        #expect(drivers.buyers == 3)
        #expect(drivers.purchases == 6)
        #expect(drivers.averageOrderValue == 50)
        #expect(abs(drivers.marginRate! - 0.3) < 1e-12)
        #expect(drivers.firstDay == 0 && drivers.lastDay == 900)
        // Spans 400 + 0 + 100 days over three members, in months of 365.25 / 12 days.
        #expect(abs(drivers.longevityMonths - 500.0 / 3 / 30.4375) < 1e-9)
        // Relationships of 1000 + 900 + 200 days carry 90 of margin.
        #expect(abs(drivers.marginPerMonth - 90 / (2100 / 30.4375)) < 1e-9)
        // A bought in two relationship years, B and C in one each.
        #expect(drivers.revenuePerActiveYear == 75)
    }

    @Test("R4.4 retention by relationship year: only customers acquired long enough ago count")
    func retention() throws {
        let drivers = try #require(ValueDrivers(Self.tally(), minimumBasis: 1))
        // Year 1 → 2: A and B were acquired over a year ago; A bought again after a year.
        #expect(drivers.retention[0] == .init(year: 1, basis: 2, rate: 0.5))
        // Year 2 → 3: only A was active in year 2 and acquired two years ago; A stopped.
        #expect(drivers.retention[1] == .init(year: 2, basis: 1, rate: 0))
        // Year 3 → 4: nobody is three years old yet.
        #expect(drivers.retention[2] == .init(year: 3, basis: 0, rate: nil))
        #expect(drivers.estimatedRetentionRates == [0.5, 0])
    }

    @Test("R4.4 rates from fewer customers than the minimum basis are not estimated")
    func minimumBasis() throws {
        let drivers = try #require(ValueDrivers(Self.tally()))
        #expect(drivers.retention.allSatisfy { $0.rate == nil })
        #expect(drivers.estimatedRetentionRates.isEmpty)
        #expect(ValueDrivers(ValueDrivers.Tally()) == nil)
    }

    @Test("R4.2 a segment's NPV: measured revenue, retention and cost rate, standard discount and horizon")
    func estimateFromHistory() throws {
        let drivers = try #require(ValueDrivers(Self.tally(years: 1), minimumBasis: 1))
        let estimate = try LifetimeValueEstimate(
            currency: "PLN", revenuePerYear: drivers.revenuePerActiveYear, marginRate: drivers.marginRate,
            estimatedRetention: drivers.estimatedRetentionRates, assumptions: .standard, configured: false)
        // 75 a year at a 70 % cost rate leaves 22.5 per active customer; half stay each year.
        let expected = (0..<5).reduce(0.0) { sum, year in
            sum + 22.5 * pow(0.5, Double(year)) / pow(1.1, Double(year))
        }
        #expect(abs(estimate.table.lifetimeValue - expected) < 1e-9)
        #expect(estimate.table.years.count == 5)
        let origins = Dictionary(uniqueKeysWithValues: estimate.inputs.map { ($0.name, $0.origin) })
        #expect(origins["retention rates"] == .history)
        #expect(origins["cost rate"] == .history)
        #expect(origins["discount rate"] == .standard)
    }

    @Test("R4.2 configured rates win over the history, and no rate at all is a clear error")
    func configuredAndMissing() throws {
        let configured = ValueAssumptions(
            retentionRates: [0.8], discountRate: 0, years: 2, costRate: 0.5, acquisitionCost: ["PLN": 10, "USD": 99])
        let estimate = try LifetimeValueEstimate(
            currency: "PLN", revenuePerYear: 100, marginRate: 0.1, estimatedRetention: [0.2], assumptions: configured, configured: true)
        // Year 1: 100 × 0.5 − 10 acquisition = 40; year 2: 0.8 × 50 = 40, undiscounted.
        #expect(abs(estimate.table.lifetimeValue - 80) < 1e-9)
        #expect(estimate.inputs.first { $0.name == "retention rates" }?.origin == .configured)
        #expect(estimate.inputs.first { $0.name == "acquisition cost" }?.values == [10])
        #expect(estimate.inputs.first { $0.name == "cost per customer per year" }?.origin == .standard)
        #expect(throws: ValueModelError.self) {
            try LifetimeValueEstimate(
                currency: "PLN", revenuePerYear: 100, marginRate: 0.3, estimatedRetention: [], assumptions: .standard, configured: false)
        }
    }

    @Test("R4.2 bad assumptions name every field")
    func validation() {
        let bad = ValueAssumptions(
            retentionRates: [0.5, 1.5], discountRate: -2, years: 0, costRate: 2, costPerCustomer: ["zl": 1],
            acquisitionCost: ["PLN": -1])
        do {
            _ = try bad.validated()
            Issue.record("bad assumptions were accepted")
        } catch {
            guard case .invalid(let issues) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(
                Set(issues.map(\.field)) == [
                    "retentionRates[1]", "discountRate", "years", "costRate", "costPerCustomer.zl", "acquisitionCost.PLN",
                ])
        }
        #expect((try? ValueAssumptions.standard.validated()) == .standard)
    }
}
