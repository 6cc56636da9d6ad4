/// # RapportValue
///
/// The customer value engine of Rapport (requirements R3.3 and R4): what each customer is
/// worth and who belongs together by value.
///
/// It owns:
/// - calibration summaries from a transaction log (`CustomerSummary`, `TransactionLogParser`);
/// - the probability models fitted by maximum likelihood — BG/NBD (`BGNBDModel`),
///   Pareto/NBD (`ParetoNBDModel`) and Gamma-Gamma spend (`GammaGammaModel`) — with their
///   per-customer predictions, discounted CLV (`ValueScorer`) and the holdout check
///   (`HoldoutReport`);
/// - historic value per customer (`HistoricValue`), the seeds' lifetime value as net present
///   value (`LifetimeValueNPV`), RFM scores
///   (`RFMScoring`) and Pareto analysis (`ParetoAnalysis`);
/// - a seeded customer simulator for benchmarks (`CustomerSimulator`).
///
/// It may not touch a database, the network or the clock; its only I/O is parsing files
/// handed to it. Every public type is `Sendable`, bad input raises `ValueModelError`, and no
/// function returns NaN as a value.
public enum RapportValue {
    /// The version of the engine's numerical behaviour; bump when a fit or prediction changes.
    public static let engineVersion = 1
}
