/// Where to split a purchase history into a calibration period and a holdout for validating
/// a purchase model on the data it is used on (FHL 2005 §4 uses 39 weeks of holdout after
/// 39 weeks of calibration on CDNOW).
///
/// The holdout is the preferred length (39 weeks) when the calibration period before it is
/// at least as long — a model fitted on less history than it is asked to forecast says little.
/// A shorter history gets a holdout of a third of its span (whole days), so the calibration
/// period is twice the holdout; `isShortened` says so. A history too short for a holdout of
/// at least one week is refused.
public struct HoldoutPlan: Sendable, Equatable, Codable {
    /// The last day of the calibration period (inclusive).
    public let calibrationEnd: CalendarDay
    /// The last day of the holdout (inclusive): the day the history ends.
    public let holdoutEnd: CalendarDay
    /// The first purchase day of the history.
    public let firstPurchase: CalendarDay
    /// Whether the holdout is shorter than the preferred length because the history is short.
    public let isShortened: Bool

    /// The holdout length in weeks.
    public var holdoutWeeks: Double { Double(holdoutEnd.dayNumber - calibrationEnd.dayNumber) / 7 }
    /// The span of the history, first purchase to its end, in weeks.
    public var spanWeeks: Double { Double(holdoutEnd.dayNumber - firstPurchase.dayNumber) / 7 }

    /// Plans the split.
    /// - Parameters:
    ///   - firstPurchase: the earliest purchase day.
    ///   - end: the last day of the history (today for stored purchases).
    ///   - preferredWeeks: the holdout length when the history is long enough (39 by default).
    public init(firstPurchase: CalendarDay, end: CalendarDay, preferredWeeks: Int = 39) throws(ValueModelError) {
        guard preferredWeeks >= 1 else {
            throw .invalidArgument("The preferred holdout must be at least one week, not \(preferredWeeks).")
        }
        let span = end.dayNumber - firstPurchase.dayNumber
        let preferred = preferredWeeks * 7
        let holdoutDays = span >= 2 * preferred ? preferred : span / 3
        guard holdoutDays >= 7 else {
            throw .invalidArgument(
                "The purchase history spans \(max(span, 0)) days; a holdout of at least a week needs at least 21.")
        }
        self.firstPurchase = firstPurchase
        self.holdoutEnd = end
        self.calibrationEnd = end.adding(days: -holdoutDays)
        self.isShortened = holdoutDays < preferred
    }
}
