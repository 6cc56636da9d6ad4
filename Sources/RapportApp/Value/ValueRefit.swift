import Foundation
import RapportCore
import RapportStore
import RapportValue

/// Fits the purchase (BG/NBD) and spend (Gamma-Gamma) models on every person's purchase
/// history, one model per currency, and stores each person's P(alive), expected purchases
/// and 12-month CLV (R4.3). Runs on demand (`rapport value refit`, `POST /api/v1/value/refit`)
/// and after the demo data set is loaded.
public struct ValueRefit: Sendable {
    let store: Store
    /// Weeks ahead for expected purchases.
    public var horizonWeeks = 52.0
    /// Months of discounted CLV, at 1 % per month.
    public var months = 12

    public init(store: Store) {
        self.store = store
    }

    /// The outcome for one currency: the fitted parameters, or why it could not be fitted.
    public struct Outcome: Sendable, Encodable {
        public var currency: String
        public var customers: Int
        public var repeatBuyers: Int
        public var purchaseModel: BGNBDModel.Parameters?
        public var spendModel: GammaGammaModel.Parameters?
        public var logLikelihood: Double?
        public var problem: String?
    }

    /// Refits every currency as of `today`; a currency whose data cannot support a fit
    /// (too few customers or repeat buyers) keeps its previous predictions and reports why.
    public func run(today: LocalDate = LocalDate(Date())) async throws -> [Outcome] {
        let history = try await store.value.history()
        var outcomes: [Outcome] = []
        for currency in history.keys.sorted() {
            let purchases = history[currency]!
            do {
                outcomes.append(try await refit(currency: currency, purchases: purchases, today: today))
            } catch let error as ValueModelError {
                let customers = Set(purchases.map(\.personID)).count
                outcomes.append(
                    Outcome(currency: currency, customers: customers, repeatBuyers: 0, problem: error.description))
            }
        }
        return outcomes
    }

    private func refit(currency: String, purchases: [ValueScoreRepository.Purchase], today: LocalDate) async throws -> Outcome {
        let end = CalendarDay(year: today.year, month: today.month, day: today.day)!
        let transactions = purchases.compactMap { p -> Transaction? in
            guard let day = CalendarDay(year: p.day.year, month: p.day.month, day: p.day.day), day <= end else { return nil }
            return Transaction(customerID: p.personID, date: day, amount: Double(p.amountMinor) / 100)
        }
        let summary = try CalibrationSummary(transactions: transactions, calibrationEnd: end)
        let purchaseModel = try BGNBDModel.fit(summary.customers)
        let spendModel = try GammaGammaModel.fit(summary.customers)
        let scorer = ValueScorer(purchases: purchaseModel, spend: spendModel, horizon: horizonWeeks, months: months)
        let scores = try scorer.score(summary.customers)
        let fittedAt = Date()
        let predictions = scores.map { s in
            PredictedValue(
                personID: PersonID(rawValue: s.id), currency: currency, frequency: s.frequency, probabilityAlive: s.probabilityAlive,
                expectedPurchases: s.expectedPurchases, horizonWeeks: horizonWeeks, expectedSpend: Money(s.expectedSpend, currency: currency),
                lifetimeValue: Money(s.lifetimeValue, currency: currency), months: months, fittedAt: fittedAt)
        }
        let parameters = String(
            decoding: try JSONCoding.encoder.encode(StoredParameters(purchases: purchaseModel.parameters, spend: spendModel.parameters)),
            as: UTF8.self)
        try await store.value.replace(currency: currency, calibrationEnd: today, parameters: parameters, scores: predictions)
        return Outcome(
            currency: currency, customers: summary.customers.count, repeatBuyers: summary.customers.filter { $0.frequency > 0 }.count,
            purchaseModel: purchaseModel.parameters, spendModel: spendModel.parameters, logLikelihood: purchaseModel.logLikelihood)
    }
}

/// Both models' parameters, stored with the model row.
private struct StoredParameters: Encodable {
    let purchases: BGNBDModel.Parameters
    let spend: GammaGammaModel.Parameters
}
