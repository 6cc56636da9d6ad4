import Foundation
import RapportCore
import RapportStore
import RapportValue

/// RFM scores per currency (R3.3), from every buyer's totals: stored at each refit so rules
/// can select by `rfm_segment`, and computed the same way for the analytics page.
public enum RFMRefresh {
    /// The engine's input for the buyers of one currency (net revenue above zero).
    static func inputs(_ totals: [CustomerTotals], today: Date) -> [RFMScoring.Input] {
        totals.filter { $0.revenueMinor > 0 }.map {
            RFMScoring.Input(
                id: $0.personID, recency: today.timeIntervalSince($0.lastPurchase) / 86_400, frequency: Double($0.purchases),
                monetary: Double($0.revenueMinor) / 100)
        }
    }

    /// Scores and stores every currency; returns the number of buyers scored per currency.
    static func run(store: Store, bins: Int, today: Date) async throws -> [String: Int] {
        var scored: [String: Int] = [:]
        for (currency, totals) in try await CustomerTotals.read(from: store.database) {
            let scores = try RFMScoring.score(inputs(totals, today: today), bins: bins)
            try await store.value.replaceRFM(currency: currency, scores: scores, bins: bins)
            scored[currency] = scores.count
        }
        return scored
    }
}
