import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportStore
import RapportValue
import Testing

@Suite("Holdout validation of the value models: stored at refit, on the analytics page and the API (R4.3)")
struct ValueHoldoutTests {
    /// The demo data set's last day: its purchases cover the two years before it.
    static let today = LocalDate(year: 2026, month: 11, day: 1)!

    /// The stored holdout validation of each currency.
    static func storedHoldouts(_ store: Store) async throws -> [String: HoldoutValidation] {
        var result: [String: HoldoutValidation] = [:]
        for model in try await ValueModelSummary.read(from: store.database) {
            let json = try #require(model.holdout, "\(model.currency) has no holdout stored")
            result[model.currency] = try JSONCoding.decoder.decode(HoldoutValidation.self, from: Data(json.utf8))
        }
        return result
    }

    @Test func refitStoresA39WeekHoldoutWhoseGroupsAddUpToTheCalibrationCustomers() async throws {
        try await AppFixture.run(people: 400) { _, fixture in
            let outcomes = try await ValueRefit(store: fixture.store).run(today: Self.today)
            #expect(outcomes.first { $0.currency == "USD" }?.purchaseModel != nil)
            let usd = try #require(try await Self.storedHoldouts(fixture.store)["USD"])
            #expect(usd.calibrationEnd == "2026-02-01")
            #expect(usd.holdoutEnd == "2026-11-01")
            #expect(usd.holdoutWeeks == 39)
            #expect(usd.note == nil)
            let report = try #require(usd.report, "no report: \(usd.problem ?? "")")
            #expect(report.groups.map(\.label) == ["0", "1", "2", "3", "4", "5", "6", "7+"])
            // Every customer who bought by the calibration end is in exactly one group, and
            // the actual holdout purchases are their purchase days after it.
            let sql = fixture.store.database.sql
            let cohort = try await sql.raw(
                """
                SELECT COUNT(DISTINCT person_id) AS n FROM purchases
                WHERE person_id IS NOT NULL AND currency = 'USD' AND kind = 'purchase' AND occurred_at < '2026-02-02'
                """
            ).first()!.decode(column: "n", as: Int.self)
            #expect(cohort > 50)
            #expect(report.groups.reduce(0) { $0 + $1.customers } == cohort)
            let holdoutDays = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM (
                  SELECT DISTINCT person_id, SUBSTR(occurred_at, 1, 10) AS day FROM purchases
                  WHERE currency = 'USD' AND kind = 'purchase' AND occurred_at >= '2026-02-02' AND occurred_at < '2026-11-02'
                    AND person_id IN (
                      SELECT person_id FROM purchases WHERE currency = 'USD' AND kind = 'purchase' AND occurred_at < '2026-02-02')
                ) holdout_days
                """
            ).first()!.decode(column: "n", as: Int.self)
            #expect(report.totalActual == holdoutDays)
            #expect(report.groups.reduce(0) { $0 + $1.actual } == report.totalActual)
            #expect(report.totalPredicted.isFinite && report.totalPredicted > 0)
            #expect(abs(report.groups.reduce(0) { $0 + $1.predicted } - report.totalPredicted) < 1e-9)
            #expect(usd.totalErrorPercent?.isFinite == true)
            // The model itself is still fitted on the whole history.
            #expect(
                try await ValueModelSummary.read(from: fixture.store.database).first { $0.currency == "USD" }?
                    .calibrationEnd == "2026-11-01")
        }
    }

    @Test func aHistoryShorterThanTwiceTheHoldoutGetsAThirdOfItAndSaysSo() async throws {
        try await AppFixture.run(people: 200) { _, fixture in
            var refit = ValueRefit(store: fixture.store)
            refit.holdoutWeeks = 60
            _ = try await refit.run(today: Self.today)
            let holdouts = try await Self.storedHoldouts(fixture.store)
            #expect(holdouts["USD"] != nil)
            for (currency, holdout) in holdouts {
                let weeks = try #require(holdout.holdoutWeeks, "\(currency): \(holdout.problem ?? "")")
                #expect(weeks < 60, "\(currency)")
                #expect(holdout.note?.contains("a third") == true, "\(currency)")
            }
        }
    }

    @Test func aValidationThatCannotBeMadeKeepsTheReasonAndNoNumbers() throws {
        let end = CalendarDay(year: 2026, month: 11, day: 1)!
        let short = HoldoutValidation.validate(
            transactions: [Transaction(customerID: "a", date: end.adding(days: -10), amount: 5)], end: end)
        #expect(short.report == nil && short.calibrationEnd == nil)
        #expect(short.problem?.contains("at least 21") == true)
        // Long enough to split, but nobody bought twice before the calibration end.
        let once = (0..<30).map { Transaction(customerID: "c\($0)", date: end.adding(days: -400 + $0), amount: 10) }
        let noRepeats = HoldoutValidation.validate(transactions: once, end: end)
        #expect(noRepeats.report == nil && noRepeats.totals == nil)
        #expect(noRepeats.problem != nil)
        let json = String(decoding: try JSONCoding.encoder.encode(noRepeats), as: UTF8.self)
        #expect(!json.contains("NaN") && !json.contains("report"))
        #expect(HoldoutValidation.validate(transactions: [], end: end).problem != nil)
    }

    @Test func analyticsPageDrawsTheHoldoutChartAndTheAPIReturnsIt() async throws {
        try await AppFixture.run(people: 400) { client, fixture in
            _ = try await ValueRefit(store: fixture.store).run(today: Self.today)
            let cookie = try await WebTests().signIn(client, as: "u.analyst")
            try await client.execute(uri: "/analytics", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains("Repeat purchases in the holdout: predicted vs actual, by calibration purchases"))
                #expect(
                    html.contains(
                        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"holdout-USD-title holdout-USD-desc\""))
                #expect(
                    html.contains(
                        "<desc id=\"holdout-USD-desc\">Mean repeat purchases per customer in the holdout. 0 calibration purchases"
                    ))
                #expect(html.contains(">7+</text>"))
                #expect(html.contains("class=\"chart-bar chart-series-1\""))
                #expect(html.contains("39.0 weeks, 2026-02-02 to 2026-11-01 (calibration until 2026-02-01)"))
                #expect(
                    html.firstMatch(
                        of:
                            /class="holdout-totals">In total: predicted [0-9.]+, actual [0-9]+ repeat purchases \(error [-+][0-9.]+ %\)/
                    ) != nil)
                #expect(!html.contains("NaN"))
            }
            try await client.execute(uri: "/api/v1/value/models", method: .get, headers: fixture.headers(.analyst)) {
                response in
                #expect(response.status == .ok)
                let models =
                    (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
                let usd = try #require(models.first { $0["currency"] as? String == "USD" })
                #expect(usd["calibrationEnd"] as? String == "2026-11-01")
                #expect(usd["fittedAt"] is String)
                #expect((usd["purchaseModel"] as? [String: Any])?["r"] is Double)
                let holdout = try #require(usd["holdout"] as? [String: Any])
                #expect(holdout["calibrationEnd"] as? String == "2026-02-01")
                let report = try #require(holdout["report"] as? [String: Any])
                let groups = report["groups"] as? [[String: Any]] ?? []
                #expect(groups.count == 8)
                #expect(groups.reduce(0) { $0 + ($1["actual"] as? Int ?? 0) } == report["totalActual"] as? Int)
            }
        }
    }

    @Test func aModelStoredWithoutAHoldoutSaysSoOnThePageAndInTheAPI() async throws {
        try await AppFixture.run { client, fixture in
            // As a model fitted before migration 007 reads: no holdout column value.
            try await fixture.store.value.replace(
                currency: "USD", calibrationEnd: Self.today,
                parameters: #"{"purchases":{"r":0.2,"alpha":4,"a":0.8,"b":2.4}}"#,
                scores: [])
            let cookie = try await WebTests().signIn(client, as: "u.analyst")
            try await client.execute(uri: "/analytics", method: .get, headers: [.cookie: cookie]) { response in
                let html = response.body.text
                #expect(
                    html.contains("No holdout report: no holdout validation stored with this model yet: run a refit"))
                #expect(!html.contains("holdout-USD-title"))
            }
            try await client.execute(uri: "/api/v1/value/models", method: .get, headers: fixture.headers(.analyst)) {
                response in
                let models =
                    (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
                let usd = try #require(models.first { $0["currency"] as? String == "USD" })
                #expect(usd["holdout"] == nil)
                #expect((usd["purchaseModel"] as? [String: Any])?["b"] as? Double == 2.4)
                #expect(usd["spendModel"] == nil)
            }
        }
    }
}
