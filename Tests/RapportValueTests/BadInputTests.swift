import Testing

@testable import RapportValue

@Suite("Bad input")
struct BadInputTests {
    static let noRepeats = (1...50).map { CustomerSummary(id: "\($0)", frequency: 0, recency: 0, age: Double($0)) }

    @Test("no repeat buyers: every model names the cause")
    func noRepeatBuyers() {
        #expect(throws: ValueModelError.noRepeatBuyers) { try BGNBDModel.fit(Self.noRepeats) }
        #expect(throws: ValueModelError.noRepeatBuyers) { try ParetoNBDModel.fit(Self.noRepeats) }
        #expect(throws: ValueModelError.noRepeatBuyers) { try GammaGammaModel.fit(Self.noRepeats) }
    }

    @Test("one customer or none")
    func tooFewCustomers() {
        let one = [CustomerSummary(id: "a", frequency: 3, recency: 10, age: 20, monetaryValue: 5)]
        #expect(throws: ValueModelError.tooFewCustomers(count: 1, minimum: 2)) { try BGNBDModel.fit(one) }
        #expect(throws: ValueModelError.tooFewCustomers(count: 1, minimum: 2)) { try GammaGammaModel.fit(one) }
        #expect(throws: ValueModelError.noCustomers) { try BGNBDModel.fit([]) }
    }

    @Test("all-zero spend")
    func allZeroSpend() throws {
        let customers = try CDNOWFixture.summaries().map {
            CustomerSummary(id: $0.id, frequency: $0.frequency, recency: $0.recency, age: $0.age, monetaryValue: 0)
        }
        #expect(throws: ValueModelError.allZeroSpend) { try GammaGammaModel.fit(customers) }
        let report = try ValueFitReport(customers: customers, includeParetoNBD: false)
        #expect(report.bgnbd != nil)
        #expect(report.gammaGamma == nil)
        #expect(report.failures["gamma_gamma"]?.contains("positive average spend") == true)
    }

    @Test("NaN, negative and inconsistent summaries are rejected with the field named")
    func invalidSummaries() {
        let cases: [(CustomerSummary, ValueModelError)] = [
            (.init(id: "n", frequency: 1, recency: .nan, age: 5), .nonFinite(field: "recency", customer: "n")),
            (.init(id: "i", frequency: 1, recency: 1, age: .infinity), .nonFinite(field: "T", customer: "i")),
            (
                .init(id: "m", frequency: 1, recency: 1, age: 5, monetaryValue: .nan),
                .nonFinite(field: "monetary_value", customer: "m")
            ),
            (.init(id: "f", frequency: -1, recency: 0, age: 5), .negative(field: "frequency", customer: "f")),
            (.init(id: "t", frequency: 1, recency: 1, age: -5), .negative(field: "T", customer: "t")),
            (.init(id: "r", frequency: 2, recency: 9, age: 5), .recencyAfterAge(customer: "r")),
        ]
        for (customer, error) in cases {
            #expect(throws: error) { try BGNBDModel.fit([customer, customer]) }
        }
    }

    @Test("returns: a repeat buyer whose spend nets to zero is left out of the spend fit")
    func returnsNetToZero() throws {
        var customers = try CDNOWFixture.summaries()
        let index = try #require(customers.firstIndex { $0.frequency > 0 })
        customers[index].monetaryValue = 0
        #expect(try GammaGammaModel.fit(customers).customerCount == 945)
        let day = CalendarDay(year: 2024, month: 3, day: 1)!
        let log = [
            Transaction(customerID: "a", date: day, amount: 10),
            Transaction(customerID: "a", date: day.adding(days: 3), amount: 10),
            Transaction(customerID: "a", date: day.adding(days: 3), amount: -25),
        ]
        let summary = try CalibrationSummary(transactions: log, calibrationEnd: day.adding(days: 10))
        #expect(summary.customers[0].frequency == 1)
        #expect(summary.customers[0].monetaryValue == 0)
    }

    @Test("NaN amounts and unreadable lines in a log are errors with the line number")
    func badLogLines() {
        #expect(throws: ValueModelError.malformedLine(line: 2, reason: "amount 'x' is not a number")) {
            try TransactionLogParser.parse("customer_id,date,amount\na,2024-01-01,x\n")
        }
        #expect(throws: ValueModelError.malformedLine(line: 1, reason: "amount 'nan' is not a finite number")) {
            try TransactionLogParser.parse("a 20240101 nan\n")
        }
        #expect(throws: ValueModelError.self) { try TransactionLogParser.parse("a,2024-13-01,5\n") }
        #expect(throws: ValueModelError.self) { try SummaryFileParser.parse("id,frequency,T\n1,2,3\n") }
    }

    @Test("extreme customers never produce NaN")
    func predictionsStayFinite() throws {
        let bgnbd = BGNBDModel(parameters: .init(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426))
        let pareto = ParetoNBDModel(parameters: .init(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669))
        let spend = GammaGammaModel(parameters: .init(p: 6.25, q: 0.5, gamma: 15.44))
        let extremes = [
            CustomerSummary(id: "old", frequency: 5, recency: 0, age: 1e6, monetaryValue: 10),
            CustomerSummary(id: "heavy", frequency: 5_000, recency: 99, age: 100, monetaryValue: 1e6),
            CustomerSummary(id: "new", frequency: 0, recency: 0, age: 0),
        ]
        let scores = try ValueScorer(purchases: bgnbd, spend: spend).score(extremes)
        for s in scores {
            let numbers = [s.expectedPurchases, s.probabilityAlive, s.expectedSpend, s.lifetimeValue]
            #expect(numbers.allSatisfy { $0.isFinite }, "\(s.id)")
        }
        for c in extremes {
            #expect(pareto.probabilityAlive(frequency: c.frequency, recency: c.recency, age: c.age).isFinite)
            #expect(pareto.expectedPurchases(in: 52, frequency: c.frequency, recency: c.recency, age: c.age).isFinite)
        }
    }

    @Test("errors carry a stable code and a message naming the cause")
    func errorMessages() {
        let error = ValueModelError.nonFinite(field: "recency", customer: "42")
        #expect(error.code == "non_finite")
        #expect(error.description == "non_finite: recency of customer 42 is not a finite number.")
    }
}
