import Foundation
import RapportStore
import RapportValue

/// The holdout validation of one currency's value model on the analytics page (R4.3):
/// predicted against actual repeat purchases in the holdout, per customer by calibration
/// purchases (0, 1, …, 7+) as a grouped bar chart, and the totals in words.
struct HoldoutSection {
    let chart: String?
    /// "predicted 1653.4, actual 1882 repeat purchases (error -12.1 %)".
    let totals: String?
    /// "39.0 weeks, 2026-03-04 to 2026-12-01 (calibration until 2026-03-03)".
    let period: String?
    /// Why the holdout is shorter than 39 weeks.
    let note: String?
    /// Why there is no report.
    let problem: String?

    /// The section for a stored model; a model stored before holdouts existed says to refit.
    init(currency: String, model: ValueModelSummary) {
        guard let json = model.holdout,
            let validation = try? JSONCoding.decoder.decode(HoldoutValidation.self, from: Data(json.utf8))
        else {
            self.init(problem: "no holdout validation stored with this model yet: run a refit")
            return
        }
        self.init(currency: currency, validation: validation)
    }

    init(currency: String, validation: HoldoutValidation) {
        note = validation.note
        totals = validation.totals
        if let start = validation.calibrationEnd, let end = validation.holdoutEnd, let weeks = validation.holdoutWeeks {
            let first = CalendarDay(start)?.adding(days: 1).description ?? start
            period = String(format: "%.1f weeks, %@ to %@ (calibration until %@)", weeks, first, end, start)
        } else {
            period = nil
        }
        guard let report = validation.report else {
            chart = nil
            problem = validation.problem ?? "no holdout report"
            return
        }
        problem = nil
        let words = report.groups.map {
            String(
                format: "%@ calibration purchases, %d customers: predicted %.2f, actual %.2f", $0.label, $0.customers,
                $0.predictedPerCustomer, $0.actualPerCustomer)
        }
        chart =
            GroupedBarChart(
                id: "holdout-\(currency)",
                title: "Repeat purchases in the holdout: predicted vs actual, by calibration purchases, \(currency)",
                description: "Mean repeat purchases per customer in the holdout. " + words.joined(separator: "; ")
                    + ".",
                series: ["Predicted (BG/NBD)", "Actual"],
                groups: report.groups.map {
                    .init(label: $0.label, values: [$0.predictedPerCustomer, $0.actualPerCustomer])
                },
                groupAxis: "Repeat purchases in the calibration period"
            ).svg
    }

    private init(problem: String) {
        (chart, totals, period, note, self.problem) = (nil, nil, nil, nil, problem)
    }
}
