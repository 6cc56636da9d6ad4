import Testing

@testable import RapportValue

@Suite("Calibration summaries")
struct CalibrationSummaryTests {
    @Test("R4.3 the raw CDNOW log ending 1997-09-30 reproduces the shipped 39-week summary")
    func cdnowRawLogMatchesShippedSummary() throws {
        let built = try CalibrationSummary(
            transactions: CDNOWFixture.transactions(), calibrationEnd: CDNOWFixture.calibrationEnd)
        let shipped = try CDNOWFixture.summaries()
        try #require(built.customers.count == 2357)
        // The log's first column is the id in the full cohort, its second the id in the summary.
        var summaryID: [String: String] = [:]
        for line in try CDNOWFixture.text("CDNOW_sample.txt").split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            summaryID[String(fields[0])] = String(Int(fields[1])!)
        }
        let shippedByID = Dictionary(uniqueKeysWithValues: shipped.map { ($0.id, $0) })
        for mine in built.customers {
            let id = try #require(summaryID[mine.id])
            let theirs = try #require(shippedByID[id])
            #expect(mine.frequency == theirs.frequency, "\(mine.id)")
            #expect(abs(mine.recency - theirs.recency) < 0.0051, "\(mine.id)")
            #expect(abs(mine.age - theirs.age) < 0.0051, "\(mine.id)")
            #expect(abs(mine.monetaryValue - theirs.monetaryValue) < 0.0051, "\(mine.id)")
        }
        #expect(built.excludedAfterCalibration == 1959)
    }

    @Test("same-day purchases merge; returns net into their day; later lines are counted, not used")
    func mergingAndReturns() throws {
        let day = CalendarDay(year: 2024, month: 1, day: 1)!
        let log = [
            Transaction(customerID: "a", date: day, amount: 10),
            Transaction(customerID: "a", date: day, amount: 5),
            Transaction(customerID: "a", date: day.adding(days: 7), amount: 20),
            Transaction(customerID: "a", date: day.adding(days: 7), amount: -4),
            Transaction(customerID: "a", date: day.adding(days: 14), amount: -30),
            Transaction(customerID: "a", date: day.adding(days: 21), amount: 40),
            Transaction(customerID: "a", date: day.adding(days: 60), amount: 99),
        ]
        let summary = try CalibrationSummary(transactions: log, calibrationEnd: day.adding(days: 28))
        let a = try #require(summary.customers.first)
        #expect(a.frequency == 2)
        #expect(a.recency == 3)
        #expect(a.age == 4)
        #expect(a.monetaryValue == 28)
        #expect(summary.returnDays == 1)
        #expect(summary.excludedAfterCalibration == 1)
    }

    @Test("a transaction after the holdout end is a future date")
    func futureDateIsRejected() {
        let day = CalendarDay(year: 2024, month: 1, day: 1)!
        let log = [
            Transaction(customerID: "a", date: day, amount: 10),
            Transaction(customerID: "a", date: day.adding(days: 400), amount: 10),
        ]
        #expect(throws: ValueModelError.futureDate(customer: "a", date: "2025-02-04")) {
            try CalibrationSummary(
                transactions: log, calibrationEnd: day.adding(days: 30), holdoutEnd: day.adding(days: 60))
        }
    }

    @Test("calendar days round-trip and parse the log formats")
    func calendarDays() throws {
        let d = try #require(CalendarDay("1997-09-30"))
        #expect(CalendarDay("19970930") == d)
        #expect(d.description == "1997-09-30")
        #expect(d.dayNumber - CalendarDay(year: 1997, month: 1, day: 1)!.dayNumber == 272)
        #expect(CalendarDay("1997-02-30") == nil)
        #expect(CalendarDay(year: 2000, month: 2, day: 29)?.adding(days: 1).description == "2000-03-01")
    }
}
