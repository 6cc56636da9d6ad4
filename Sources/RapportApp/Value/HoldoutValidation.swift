import Foundation
import RapportValue

/// The holdout validation of one currency's purchase model, made at every refit and stored
/// with the model (R4.3): the history is split at a calibration end (``HoldoutPlan``: 39 weeks
/// before today, or a third of a shorter history), BG/NBD is fitted on the calibration part
/// only, and its predictions are set against the purchases actually made in the holdout, in
/// total and by calibration repeat purchases (``HoldoutReport``).
///
/// When no report can be made (too little history, no repeat buyers before the calibration
/// end, a fit without usable predictions) `report` is nil and `problem` says why; no
/// non-finite number is ever stored.
public struct HoldoutValidation: Sendable, Codable, Equatable {
    /// The last calibration day, `YYYY-MM-DD`; nil when the history was too short to split.
    public var calibrationEnd: String?
    /// The last holdout day (the refit day), `YYYY-MM-DD`.
    public var holdoutEnd: String?
    /// The holdout length in weeks.
    public var holdoutWeeks: Double?
    /// Why the holdout is shorter than 39 weeks, when it is.
    public var note: String?
    /// The BG/NBD parameters fitted on the calibration period alone.
    public var purchaseModel: BGNBDModel.Parameters?
    /// Predicted against actual holdout purchases; nil when `problem` says why not.
    public var report: HoldoutReport?
    /// Why no report was made.
    public var problem: String?

    /// The error of the total prediction relative to the actual total, in per cent
    /// ((predicted − actual) / actual × 100); nil without a report or without holdout purchases.
    public var totalErrorPercent: Double? {
        guard let report, report.totalActual > 0 else { return nil }
        return (report.totalPredicted - Double(report.totalActual)) / Double(report.totalActual) * 100
    }

    /// The totals in words: "predicted 1653.4, actual 1882 repeat purchases (error -12.1 %)";
    /// nil without a report.
    public var totals: String? {
        guard let report else { return nil }
        let error =
            totalErrorPercent.map { String(format: "error %+.1f %%", $0) }
            ?? "no actual purchases, so no relative error"
        return String(
            format: "predicted %.1f, actual %d repeat purchases (%@)", report.totalPredicted, report.totalActual, error)
    }

    /// Validates a purchase model on a history ending on `end` (transactions after it must
    /// have been left out).
    /// - Parameters:
    ///   - transactions: every purchase and return of the currency up to `end`.
    ///   - end: the last day of the history, which becomes the holdout end.
    ///   - preferredWeeks: the holdout length for a history at least twice as long.
    public static func validate(transactions: [Transaction], end: CalendarDay, preferredWeeks: Int = 39)
        -> HoldoutValidation
    {
        var validation = HoldoutValidation()
        guard let first = transactions.lazy.filter({ $0.amount >= 0 }).map(\.date).min() else {
            validation.problem = "no purchases to validate on"
            return validation
        }
        let plan: HoldoutPlan
        do {
            plan = try HoldoutPlan(firstPurchase: first, end: end, preferredWeeks: preferredWeeks)
        } catch {
            validation.problem = error.description
            return validation
        }
        validation.calibrationEnd = plan.calibrationEnd.description
        validation.holdoutEnd = plan.holdoutEnd.description
        validation.holdoutWeeks = plan.holdoutWeeks
        if plan.isShortened {
            validation.note = String(
                format:
                    "the purchase history spans only %.1f weeks, so the holdout is a third of it (%.1f weeks) instead of %d",
                plan.spanWeeks, plan.holdoutWeeks, preferredWeeks)
        }
        do {
            let split = try CalibrationSummary(
                transactions: transactions, calibrationEnd: plan.calibrationEnd, holdoutEnd: plan.holdoutEnd)
            let model = try BGNBDModel.fit(split.customers)
            let report = try HoldoutReport(
                model: model, customers: split.customers, holdoutFrequency: split.holdoutFrequency ?? [],
                duration: split.holdoutDuration ?? plan.holdoutWeeks)
            let parameters = model.parameters
            let usable =
                [parameters.r, parameters.alpha, parameters.a, parameters.b].allSatisfy(\.isFinite)
                && report.totalPredicted.isFinite && report.totalPredicted >= 0
                && report.groups.allSatisfy { $0.predicted.isFinite && $0.predicted >= 0 }
            guard usable else {
                validation.problem =
                    "the purchase model fitted on the calibration period gives no usable holdout prediction (more purchase history is needed)"
                return validation
            }
            validation.purchaseModel = parameters
            validation.report = report
        } catch {
            validation.problem = error.description
        }
        return validation
    }
}
