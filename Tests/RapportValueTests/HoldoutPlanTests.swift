import Testing

@testable import RapportValue

@Suite("Holdout plan: where a stored history is split for validation (R4.3)")
struct HoldoutPlanTests {
    let end = CalendarDay(year: 2026, month: 11, day: 1)!

    @Test("a history of two years gets the 39-week holdout of FHL 2005")
    func longHistoryGets39Weeks() throws {
        let plan = try HoldoutPlan(firstPurchase: end.adding(days: -730), end: end)
        #expect(plan.holdoutWeeks == 39)
        #expect(plan.calibrationEnd == end.adding(days: -273))
        #expect(plan.holdoutEnd == end)
        #expect(!plan.isShortened)
    }

    @Test("a calibration period exactly as long as the holdout is enough")
    func calibrationAsLongAsTheHoldout() throws {
        let plan = try HoldoutPlan(firstPurchase: end.adding(days: -546), end: end)
        #expect(plan.holdoutWeeks == 39)
        #expect(!plan.isShortened)
    }

    @Test("a shorter history gets a third of its span, and says so")
    func shortHistoryGetsAThird() throws {
        let plan = try HoldoutPlan(firstPurchase: end.adding(days: -545), end: end)
        #expect(plan.isShortened)
        #expect(plan.calibrationEnd == end.adding(days: -181))
        #expect(abs(plan.holdoutWeeks - 181.0 / 7) < 1e-12)
        #expect(abs(plan.spanWeeks - 545.0 / 7) < 1e-12)
    }

    @Test("a history too short for a week of holdout, or a holdout of no weeks, is refused")
    func tooShortIsRefused() {
        #expect(throws: ValueModelError.self) { try HoldoutPlan(firstPurchase: end.adding(days: -20), end: end) }
        #expect(throws: ValueModelError.self) { try HoldoutPlan(firstPurchase: end.adding(days: 5), end: end) }
        #expect(throws: ValueModelError.self) {
            try HoldoutPlan(firstPurchase: end.adding(days: -730), end: end, preferredWeeks: 0)
        }
        #expect((try? HoldoutPlan(firstPurchase: end.adding(days: -21), end: end))?.holdoutWeeks == 1)
    }
}
