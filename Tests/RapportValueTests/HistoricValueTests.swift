import Testing

@testable import RapportValue

@Suite("Historic value")
struct HistoricValueTests {
    @Test("R4.1 revenue, returns, margin, purchases and first/last purchase per customer")
    func perCustomer() throws {
        let day = CalendarDay(year: 2024, month: 5, day: 1)!
        let log = [
            Transaction(customerID: "b", date: day, amount: 40),
            Transaction(customerID: "a", date: day.adding(days: 9), amount: 100),
            Transaction(customerID: "a", date: day.adding(days: 9), amount: 20),
            Transaction(customerID: "a", date: day, amount: 30),
            Transaction(customerID: "a", date: day.adding(days: 12), amount: -50),
        ]
        let values = try HistoricValue.compute(log, marginRate: 0.25)
        #expect(values.map(\.customerID) == ["a", "b"])
        let a = values[0]
        #expect(a.purchases == 2)
        #expect(a.revenue == 150)
        #expect(a.returns == 50)
        #expect(a.netRevenue == 100)
        #expect(a.contributionMargin == 25)
        #expect(a.averageOrderValue == 50)
        #expect(a.firstPurchase == day)
        #expect(a.lastPurchase == day.adding(days: 9))
    }

    @Test("a customer with only a return has no purchases and negative net revenue; NaN is rejected")
    func returnsOnlyAndNaN() throws {
        let day = CalendarDay(year: 2024, month: 5, day: 1)!
        let values = try HistoricValue.compute([Transaction(customerID: "r", date: day, amount: -10)], marginRate: 0.3)
        #expect(values[0].purchases == 0 && values[0].netRevenue == -10 && values[0].averageOrderValue == 0)
        #expect(values[0].firstPurchase == nil)
        #expect(throws: ValueModelError.nonFinite(field: "amount", customer: "n")) {
            try HistoricValue.compute([Transaction(customerID: "n", date: day, amount: .nan)], marginRate: 0.3)
        }
        #expect(throws: ValueModelError.self) { try HistoricValue.compute([], marginRate: 2) }
    }
}
