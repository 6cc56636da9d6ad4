import Foundation
import RapportCore
import RapportStore
import RapportValue

/// The analytics page: per currency, the Pareto concentration of revenue and margin (R3.3),
/// the standard RFM segments (R3.3), the latest value models and their holdout validation
/// (R4.3). All figures come
/// from the value engine over totals the store aggregates.
struct AnalyticsModel {
    let chrome: PageChrome
    let currencies: [CurrencySection]
    let hasData: Bool

    struct CurrencySection {
        let currency: String
        let customers: Int
        let revenueShare: String
        let marginShare: String
        let paretoChart: String
        let rfmChart: String
        let model: String?
        let fittedAt: String?
        /// The model's holdout validation; nil while no model is fitted.
        let holdout: HoldoutSection?
    }

    /// The stored parameters in words: "Purchases (BG/NBD): r 0.243, α 4.41, a 0.793, b 2.43 · …".
    static func describe(_ json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Double]] else { return nil }
        let names = ["alpha": "α", "beta": "β", "gamma": "γ"]
        func line(_ title: String, _ key: String, _ order: [String]) -> String? {
            guard let values = object[key] else { return nil }
            let parts = order.compactMap { name in values[name].map { "\(names[name] ?? name) \(String(format: "%.3g", $0))" } }
            return "\(title): " + parts.joined(separator: ", ")
        }
        let lines = [
            line("Purchases (BG/NBD)", "purchases", ["r", "alpha", "a", "b"]),
            line("Spend (Gamma-Gamma)", "spend", ["p", "q", "gamma"]) ?? "Spend: not fitted",
        ]
        return lines.compactMap { $0 }.joined(separator: "\n")
    }

    static func build(store: Store, context: AppRequestContext, today: Date = Date()) async throws -> AnalyticsModel {
        let totals = try await CustomerTotals.read(from: store.database)
        let models = Dictionary(uniqueKeysWithValues: try await ValueModelSummary.read(from: store.database).map { ($0.currency, $0) })
        var sections: [CurrencySection] = []
        for currency in totals.keys.sorted() {
            let buyers = totals[currency]!.filter { $0.revenueMinor > 0 }
            guard !buyers.isEmpty else { continue }
            let pareto = try ParetoAnalysis(
                revenue: buyers.map { Double($0.revenueMinor) / 100 }, margin: buyers.map { max(0, Double($0.marginMinor) / 100) })
            let rfm = try RFMScoring.score(RFMRefresh.inputs(buyers, today: today))
            let counts = Dictionary(grouping: rfm, by: \.segment).mapValues(\.count)
            let bars = RFMScoring.Segment.allCases.compactMap { segment in
                counts[segment].map { BarChart.Bar(label: segment.rawValue, value: Double($0)) }
            }
            let model = models[currency]
            sections.append(
                CurrencySection(
                    currency: currency, customers: buyers.count,
                    revenueShare: String(format: "%.1f %%", pareto.revenueShareOfTop * 100),
                    marginShare: pareto.marginShareOfTop.map { String(format: "%.1f %%", $0 * 100) } ?? "—",
                    paretoChart: LineChart(
                        title: "Cumulative share of revenue by share of customers, \(currency)",
                        points: [(0, 0)] + pareto.revenueCurve.map { ($0.customerShare, $0.valueShare) },
                        marker: (pareto.topFraction, pareto.revenueShareOfTop, String(format: "top 20 %%: %.0f %%", pareto.revenueShareOfTop * 100))
                    ).svg,
                    rfmChart: BarChart(title: "Customers per RFM segment, \(currency)", bars: bars, width: 520).svg,
                    model: model.flatMap { Self.describe($0.parameters) },
                    fittedAt: model.map { Timestamp.format($0.fittedAt).prefix(16).replacingOccurrences(of: "T", with: " ") },
                    holdout: model.map { HoldoutSection(currency: currency, model: $0) }))
        }
        return AnalyticsModel(
            chrome: PageChrome(title: "Analytics", active: "/analytics", context: context), currencies: sections, hasData: !sections.isEmpty)
    }
}
