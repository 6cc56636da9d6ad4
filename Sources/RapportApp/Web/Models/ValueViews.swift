import Foundation
import RapportCore
import RapportStore
import RapportValue

/// Value figures as the pages show them (R4.1, R4.2, R4.4): the historic value of a group,
/// the value drivers and lifetime value of each currency with the NPV calculation laid out
/// year by year, and every input marked as measured, configured or standard.
enum ValueViews {
    typealias Fact = CustomerPageModel.Fact

    /// One currency of a group's historic value.
    struct HistoricRow {
        let currency: String
        let buyers: String
        let purchases: String
        let returns: String
        let revenue: String
        let returned: String
        let netRevenue: String
        let margin: String
        let period: String
    }

    static func historic(_ value: GroupValue) -> [HistoricRow] {
        value.currencies.map {
            HistoricRow(
                currency: $0.currency, buyers: String($0.buyers), purchases: String($0.purchases), returns: String($0.returns),
                revenue: $0.revenue.formatted, returned: $0.returned.formatted, netRevenue: $0.netRevenue.formatted,
                margin: $0.margin.formatted,
                period: [$0.firstPurchase, $0.lastPurchase].compactMap { $0?.description }.joined(separator: " – "))
        }
    }

    /// One currency's drivers and lifetime value.
    struct Card {
        let currency: String
        let drivers: [Fact]
        let retention: [Retention]
        let lifetime: Lifetime?
        let problem: String?

        struct Retention { let year: String; let rate: String; let basis: String }

        init(_ value: LifetimeValues.CurrencyValue) {
            currency = value.currency
            let d = value.drivers
            let money = { (amount: Double) in Money(amount, currency: value.currency).formatted }
            drivers = [
                Fact(label: "Customers who bought", value: String(d.buyers)),
                Fact(label: "Purchases", value: String(d.purchases)),
                Fact(label: "Net revenue", value: money(d.netRevenue)),
                Fact(label: "Contribution margin", value: money(d.margin)),
                Fact(label: "Margin rate", value: d.marginRate.map(ValueViews.percent) ?? "—"),
                Fact(label: "Average order", value: money(d.averageOrderValue)),
                Fact(label: "Margin per customer per month", value: money(d.marginPerMonth)),
                Fact(label: "Longevity (first to last purchase)", value: String(format: "%.1f months", d.longevityMonths)),
                Fact(label: "Revenue per customer per active year", value: money(d.revenuePerActiveYear)),
            ]
            retention = d.retention.map {
                Retention(
                    year: "year \($0.year) → \($0.year + 1)", rate: $0.rate.map(ValueViews.percent) ?? "too few to tell",
                    basis: "\($0.basis) customers")
            }
            lifetime = value.lifetimeValue.map { Lifetime($0, currency: value.currency) }
            problem = value.problem
        }
    }

    /// A lifetime value with its calculation.
    struct Lifetime {
        let value: String
        let years: [Year]
        let inputs: [Input]

        struct Year {
            let year: String
            let active: String
            let retention: String
            let revenue: String
            let costs: String
            let profit: String
            let factor: String
            let present: String
            let cumulative: String
        }

        struct Input { let name: String; let value: String; let origin: String }

        init(_ estimate: LifetimeValueEstimate, currency: String) {
            let money = { (amount: Double) in Money(amount, currency: currency).formatted }
            value = money(estimate.table.lifetimeValue)
            years = estimate.table.years.map {
                Year(
                    year: String($0.year), active: ValueViews.percent($0.activeCustomers), retention: ValueViews.percent($0.retentionRate),
                    revenue: money($0.revenue), costs: money($0.costs), profit: money($0.grossProfit),
                    factor: String(format: "%.3f", $0.discountFactor), present: money($0.presentValue),
                    cumulative: money($0.cumulativePresentValue))
            }
            inputs = estimate.inputs.map { input in
                let shown: String =
                    switch input.name {
                    case "retention rates", "cost rate", "discount rate": input.values.map(ValueViews.percent).joined(separator: ", ")
                    case "years": input.values.map { String(Int($0)) }.joined()
                    default: input.values.map(money).joined(separator: ", ")
                    }
                let origin =
                    switch input.origin {
                    case .history: "measured on the purchase history"
                    case .configured: "configured"
                    case .standard: "standard assumption"
                    }
                return Input(name: input.name.prefix(1).uppercased() + input.name.dropFirst(), value: shown, origin: origin)
            }
        }
    }

    /// "42.5 %".
    static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
}
