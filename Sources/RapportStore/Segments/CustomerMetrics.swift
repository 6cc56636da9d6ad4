import Foundation
import RapportCore
import RapportSegments

/// One person's behaviour summary, as segment rules test it (R3.2): purchases, spend and
/// margin in their main currency, first and last purchase, preferred and used channels,
/// average visit length. Stored in `customer_metrics`, one row per person with any
/// purchase or interaction.
///
/// The row is rewritten in the same transaction as every purchase and interaction written
/// for the person (``PurchaseRepository``, ``InteractionRepository``, ``BulkLoader``), so
/// dynamic segments are current the moment the write commits, with no job to run.
struct CustomerMetrics: Sendable, Equatable {
    var personID: String
    /// The currency of most of the person's purchases (ties: alphabetical); spend, margin
    /// and `orders` are in it.
    var currency: String?
    /// Purchases in every currency; returns are not counted.
    var purchases: Int
    /// Purchases in the main currency, for the average order.
    var orders: Int
    /// Purchases minus returns in the main currency, in minor units.
    var spendMinor: Int64
    var marginMinor: Int64
    /// `YYYY-MM-DD` (UTC) of the first and the latest purchase.
    var firstPurchase: String?
    var lastPurchase: String?
    /// The channel of most purchases and interactions (ties: alphabetical).
    var channel: String?
    /// Every channel of a purchase or interaction, sorted.
    var channels: [String]
    /// Average length of the interactions that record one, in minutes.
    var visitMinutes: Double?

    /// The table's columns, in the order of ``values(at:)``.
    static let columns = [
        "person_id", "currency", "purchases", "orders", "spend_minor", "margin_minor", "first_purchase",
        "last_purchase",
        "first_day", "last_day", "channel", "channels", "visit_minutes", "updated_at",
    ]

    /// The row as stored: the first and last purchase also as day numbers, so recency and
    /// relationship length are arithmetic.
    func values(at now: String) -> [QueryValue] {
        [
            .text(personID), .text(currency), .integer(purchases), .integer(orders), .integer(spendMinor),
            .integer(marginMinor), .text(firstPurchase), .text(lastPurchase),
            .integer(firstPurchase.flatMap(SegmentDate.init(iso:)).map(\.dayNumber)),
            .integer(lastPurchase.flatMap(SegmentDate.init(iso:)).map(\.dayNumber)), .text(channel),
            .text(channels.joined(separator: "\n")), visitMinutes.map(QueryValue.real) ?? .null, .text(now),
        ]
    }

    /// The separator of the stored `channels` set.
    static let channelSeparator = "\n"
}

extension CustomerMetrics {
    /// Adds up one person's activity, from single records (bulk loads) or from grouped SQL
    /// rows (every other write): both paths share this one definition of each figure.
    struct Tally: Sendable {
        private struct CurrencyTotals {
            var purchases = 0
            var rows = 0
            var spend: Int64 = 0
            var margin: Int64 = 0
        }

        let personID: String
        private var currencies: [String: CurrencyTotals] = [:]
        private var channelCounts: [String: Int] = [:]
        private var firstDay: String?
        private var lastDay: String?
        private var timed = 0
        private var seconds: Int64 = 0
        private var isEmpty = true

        init(personID: String) { self.personID = personID }

        /// `count` purchases (or returns) of one currency and channel; days are `YYYY-MM-DD`.
        mutating func addPurchases(
            kind: PurchaseKind, currency: String, channel: String?, count: Int, total: Int64, margin: Int64,
            firstDay: String, lastDay: String
        ) {
            isEmpty = false
            let sign: Int64 = kind == .purchase ? 1 : -1
            currencies[currency, default: .init()].rows += count
            currencies[currency, default: .init()].spend += sign * total
            currencies[currency, default: .init()].margin += sign * margin
            guard kind == .purchase else { return }
            currencies[currency, default: .init()].purchases += count
            if let channel { channelCounts[channel, default: 0] += count }
            self.firstDay = min(self.firstDay ?? firstDay, firstDay)
            self.lastDay = max(self.lastDay ?? lastDay, lastDay)
        }

        /// `count` interactions on one channel, `timed` of which recorded `seconds` in all.
        mutating func addInteractions(channel: String, count: Int, timed: Int, seconds: Int64) {
            isEmpty = false
            channelCounts[channel, default: 0] += count
            self.timed += timed
            self.seconds += seconds
        }

        /// The summary, or nil for a person with no activity (who gets no row).
        var metrics: CustomerMetrics? {
            guard !isEmpty else { return nil }
            let main = currencies.min { a, b in
                (a.value.purchases, a.value.rows) != (b.value.purchases, b.value.rows)
                    ? (a.value.purchases, a.value.rows) > (b.value.purchases, b.value.rows) : a.key < b.key
            }
            let preferred = channelCounts.min { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
            return CustomerMetrics(
                personID: personID, currency: main?.key, purchases: currencies.values.reduce(0) { $0 + $1.purchases },
                orders: main?.value.purchases ?? 0, spendMinor: main?.value.spend ?? 0,
                marginMinor: main?.value.margin ?? 0,
                firstPurchase: firstDay, lastPurchase: lastDay, channel: preferred?.key,
                channels: channelCounts.keys.sorted(),
                visitMinutes: timed > 0 ? Double(seconds) / Double(timed) / 60 : nil)
        }
    }
}
