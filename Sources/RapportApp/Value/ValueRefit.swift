import Foundation
import RapportCore
import RapportStore
import RapportValue

/// Fits the purchase (BG/NBD) and spend (Gamma-Gamma) models on every person's purchase
/// history, one model per currency, and stores each person's P(alive), expected purchases
/// and 12-month CLV (R4.3). Runs on demand (`rapport value refit`, `POST /api/v1/value/refit`)
/// and after the demo data set is loaded. Each fit also gets a holdout validation
/// (``HoldoutValidation``), stored with the model.
public struct ValueRefit: Sendable {
    let store: Store
    /// Weeks ahead for expected purchases.
    public var horizonWeeks = 52.0
    /// Months of discounted CLV, at 1 % per month.
    public var months = 12
    /// Weeks of holdout for the validation, when the history is at least twice as long.
    public var holdoutWeeks = 39
    /// Quantile groups of the RFM scores stored at each refit (5: quintiles).
    public var rfmBins = 5

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
        /// The holdout validation stored with the model; nil when the model was not stored.
        public var holdout: HoldoutValidation?
        /// Buyers given RFM scores in this currency (scored whether or not the models fit).
        public var rfmScored: Int?
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
        // RFM ranks buyers, so only the order of their last purchases matters, not the clock.
        let rfm = try await RFMRefresh.run(store: store, bins: rfmBins, today: Date())
        for index in outcomes.indices { outcomes[index].rfmScored = rfm[outcomes[index].currency] }
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
        // Without a spend model a currency still gets P(alive) and expected purchases; only
        // spend and CLV stay empty, and the outcome says why.
        var spendModel: GammaGammaModel?
        var spendProblem: String?
        do {
            spendModel = try GammaGammaModel.fit(summary.customers)
        } catch {
            spendProblem = error.description
        }
        // Raw figures per customer: (id, frequency, P(alive), expected purchases, spend, CLV).
        var rows: [(String, Int, Double, Double, Double?, Double?)]
        if let spendModel {
            let scorer = ValueScorer(purchases: purchaseModel, spend: spendModel, horizon: horizonWeeks, months: months)
            rows = try scorer.score(summary.customers).map {
                ($0.id, $0.frequency, $0.probabilityAlive, $0.expectedPurchases, $0.expectedSpend, $0.lifetimeValue)
            }
        } else {
            rows = summary.customers.map { c in
                (
                    c.id, c.frequency, purchaseModel.probabilityAlive(frequency: c.frequency, recency: c.recency, age: c.age),
                    purchaseModel.expectedPurchases(in: horizonWeeks, frequency: c.frequency, recency: c.recency, age: c.age), nil, nil
                )
            }
        }
        // A model fitted on too little data can give non-finite predictions: then nothing is
        // stored (the previous predictions stay) and the outcome says so. No NaN reaches a profile.
        let unusable = rows.filter { row in
            !(0...1).contains(row.2) || !row.3.isFinite || row.3 < 0 || !(row.4?.isFinite ?? true) || !(row.5?.isFinite ?? true)
        }.count
        if unusable > 0 {
            return Outcome(
                currency: currency, customers: summary.customers.count, repeatBuyers: summary.customers.filter { $0.frequency > 0 }.count,
                problem: "the purchase model fitted on this data gives no usable prediction for \(unusable) customers; predictions were not changed (more purchase history is needed)")
        }
        let fittedAt = Date()
        let predictions = rows.map { row in
            PredictedValue(
                personID: PersonID(rawValue: row.0), currency: currency, frequency: row.1, probabilityAlive: row.2,
                expectedPurchases: row.3, horizonWeeks: horizonWeeks, expectedSpend: row.4.map { Money($0, currency: currency) },
                lifetimeValue: row.5.map { Money($0, currency: currency) }, months: months, fittedAt: fittedAt)
        }
        let parameters = String(
            decoding: try JSONCoding.encoder.encode(StoredValueParameters(purchases: purchaseModel.parameters, spend: spendModel?.parameters)),
            as: UTF8.self)
        // A second BG/NBD fit on the history before the holdout: it never blocks the model
        // itself, a validation that cannot be made is stored with its reason.
        let holdout = HoldoutValidation.validate(transactions: transactions, end: end, preferredWeeks: holdoutWeeks)
        try await store.value.replace(
            currency: currency, calibrationEnd: today, parameters: parameters,
            holdout: String(decoding: try JSONCoding.encoder.encode(holdout), as: UTF8.self), scores: predictions)
        return Outcome(
            currency: currency, customers: summary.customers.count, repeatBuyers: summary.customers.filter { $0.frequency > 0 }.count,
            purchaseModel: purchaseModel.parameters, spendModel: spendModel?.parameters, logLikelihood: purchaseModel.logLikelihood,
            problem: spendProblem.map { "spend model not fitted, no CLV: \($0)" }, holdout: holdout)
    }
}

/// Both models' parameters, stored with the model row (`value_models.parameters`).
struct StoredValueParameters: Codable {
    let purchases: BGNBDModel.Parameters
    let spend: GammaGammaModel.Parameters?
}
