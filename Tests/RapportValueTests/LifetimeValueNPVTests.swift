import Testing

@testable import RapportValue

@Suite("Lifetime value as NPV")
struct LifetimeValueNPVTests {
    static let example = LifetimeValueNPV.Inputs(
        customers: 1_000, revenuePerCustomer: [300], retentionRates: [0.4, 0.5], costRate: 0.7, costPerCustomer: 10,
        acquisitionCost: 50, discountRate: 0.1)

    @Test("R4.2 a hand-computed three-year table")
    func handComputedTable() throws {
        let table = try LifetimeValueNPV.compute(Self.example)
        // Year 1: 1 000 × 300 = 300 000 revenue; costs 210 000 + 10 000 + 50 000 acquisition.
        // Year 2: 400 customers, 120 000 revenue, costs 84 000 + 4 000, discounted by 1.1.
        // Year 3: 200 customers, 60 000 revenue, costs 42 000 + 2 000, discounted by 1.21.
        #expect(table.years.map(\.activeCustomers) == [1_000, 400, 200])
        #expect(table.years.map(\.revenue) == [300_000, 120_000, 60_000])
        #expect(table.years.map(\.costs) == [270_000, 88_000, 44_000])
        #expect(table.years.map(\.grossProfit) == [30_000, 32_000, 16_000])
        let presentValues = [30_000, 32_000 / 1.1, 16_000 / 1.21]
        for (row, value) in zip(table.years, presentValues) {
            #expect(abs(row.presentValue - value) < 1e-9)
        }
        #expect(abs(table.netPresentValue - 72_314.049_586_776_86) < 1e-6)
        #expect(abs(table.lifetimeValue - 72.314_049_586_776_86) < 1e-9)
        #expect(abs(table.years[1].lifetimeValue - 59.090_909_090_909_09) < 1e-9)
    }

    @Test("R4.2 different revenue per year and a horizon past the rates given repeat the last values")
    func repeatsLastValues() throws {
        let inputs = LifetimeValueNPV.Inputs(
            revenuePerCustomer: [100, 200], retentionRates: [0.5], discountRate: 0, years: 4)
        let table = try LifetimeValueNPV.compute(inputs)
        #expect(table.years.map(\.activeCustomers) == [1, 0.5, 0.25, 0.125])
        #expect(table.years.map(\.revenue) == [100, 100, 50, 25])
        #expect(table.lifetimeValue == 275)
    }

    @Test(
        "bad NPV inputs name the problem",
        arguments: [
            LifetimeValueNPV.Inputs(revenuePerCustomer: [], retentionRates: [0.5], discountRate: 0.1),
            LifetimeValueNPV.Inputs(revenuePerCustomer: [10], retentionRates: [1.5], discountRate: 0.1),
            LifetimeValueNPV.Inputs(revenuePerCustomer: [10], retentionRates: [0.5], discountRate: -1),
            LifetimeValueNPV.Inputs(revenuePerCustomer: [.nan], retentionRates: [0.5], discountRate: 0.1),
            LifetimeValueNPV.Inputs(customers: 0, revenuePerCustomer: [10], retentionRates: [0.5], discountRate: 0.1),
        ])
    func rejectsBadInputs(inputs: LifetimeValueNPV.Inputs) {
        #expect(throws: ValueModelError.self) { try LifetimeValueNPV.compute(inputs) }
    }
}
