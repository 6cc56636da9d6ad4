/// Customer summaries built from a transaction log, split at a calibration end, with the
/// optional holdout counts used to check predictions.
///
/// Handling of awkward lines (documented, never silent — each is counted):
/// - purchases on the same day are merged into one purchase with the summed amount;
/// - a negative amount is a return: it is netted into its day's total (floored at 0), and a
///   day with only returns is not a purchase occasion (it counts in `returnDays`); a
///   zero-value sale is still a purchase (CDNOW has eight);
/// - transactions after the calibration end count in the holdout when `holdoutEnd` is given
///   and are otherwise left out (`excludedAfterCalibration`);
/// - a transaction after `holdoutEnd` is an error (`ValueModelError.futureDate`): the log
///   claims a purchase that the stated observation period cannot contain;
/// - a customer whose first purchase is after the calibration end is not in the cohort.
public struct CalibrationSummary: Sendable {
    /// One summary per customer who bought by the calibration end, ordered by id.
    public var customers: [CustomerSummary]
    /// Purchase days in the holdout period per customer (same order), when a holdout was given.
    public var holdoutFrequency: [Int]?
    /// The holdout length in periods.
    public var holdoutDuration: Double?
    /// Transactions after the calibration end that were not used.
    public var excludedAfterCalibration: Int
    /// Days with only returns (negative amounts), not counted as purchases.
    public var returnDays: Int

    /// Builds the summaries.
    /// - Parameters:
    ///   - transactions: the log, in any order.
    ///   - calibrationEnd: the last day of the calibration period (inclusive).
    ///   - holdoutEnd: the last day of the holdout period (inclusive), if any.
    ///   - unit: the period unit of recency, T and the holdout duration (weeks by default).
    public init(
        transactions: [Transaction], calibrationEnd: CalendarDay, holdoutEnd: CalendarDay? = nil,
        unit: PeriodUnit = .weeks
    ) throws(ValueModelError) {
        if let holdoutEnd, holdoutEnd <= calibrationEnd {
            throw .invalidArgument(
                "The holdout end \(holdoutEnd) must be after the calibration end \(calibrationEnd).")
        }
        var days: [String: [Int: (amount: Double, isPurchase: Bool)]] = [:]
        var excluded = 0
        for transaction in transactions {
            guard transaction.amount.isFinite else {
                throw .nonFinite(field: "amount", customer: transaction.customerID)
            }
            if let holdoutEnd, transaction.date > holdoutEnd {
                throw .futureDate(customer: transaction.customerID, date: transaction.date.description)
            }
            if holdoutEnd == nil, transaction.date > calibrationEnd {
                excluded += 1
                continue
            }
            let day = transaction.date.dayNumber
            days[transaction.customerID, default: [:]][day, default: (0, false)].amount += transaction.amount
            if transaction.amount >= 0 { days[transaction.customerID]![day]!.isPurchase = true }
        }
        var customers: [CustomerSummary] = []
        var holdout: [Int] = []
        var returnDays = 0
        for id in days.keys.sorted() {
            let purchases = days[id]!.filter(\.value.isPurchase).map { (day: $0.key, amount: max($0.value.amount, 0)) }
                .sorted { $0.day < $1.day }
            returnDays += days[id]!.count - purchases.count
            let calibration = purchases.filter { $0.day <= calibrationEnd.dayNumber }
            guard let first = calibration.first else {
                excluded += purchases.count
                continue
            }
            let repeats = calibration.dropFirst()
            let spend = repeats.isEmpty ? 0 : repeats.reduce(0) { $0 + $1.amount } / Double(repeats.count)
            customers.append(
                CustomerSummary(
                    id: id, frequency: repeats.count,
                    recency: Double(calibration.last!.day - first.day) / unit.days,
                    age: Double(calibrationEnd.dayNumber - first.day) / unit.days,
                    monetaryValue: spend))
            holdout.append(purchases.count - calibration.count)
        }
        self.customers = customers
        self.holdoutFrequency = holdoutEnd == nil ? nil : holdout
        self.holdoutDuration = holdoutEnd.map {
            Double($0.dayNumber - calibrationEnd.dayNumber) / unit.days
        }
        self.excludedAfterCalibration = excluded
        self.returnDays = returnDays
    }
}
