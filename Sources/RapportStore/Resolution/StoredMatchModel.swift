import Foundation
import RapportCore
import RapportIdentity

/// The match model loose matching decides with: a fitted `MatchModel`, the term frequencies
/// of the population it was fitted on, and the two thresholds.
public struct StoredMatchModel: Sendable, IdentifiedEntity {
    public static let idPrefix = "mm"

    /// Where a model came from.
    public enum Origin: String, Sendable, Codable {
        /// Fitted by EM on the store's own people (`rapport resolve fit`).
        case fitted
        /// The engine's `StandardMatchModel`, used until a model is fitted.
        case standard
    }

    /// `nil` for the standard model while nothing is stored.
    public var id: Identifier<StoredMatchModel>?
    public var fittedAt: Date?
    public var origin: Origin
    /// People the model was fitted on (the generated population's size for `standard`).
    public var recordCount: Int
    public var model: MatchModel
    public var termFrequencies: TermFrequencies
    /// Pairs at or above this probability are the same person.
    public var matchThreshold: Double
    /// Pairs from this probability up to `matchThreshold` go to clerical review.
    public var reviewThreshold: Double

    /// ``standard``, fitted (the first time in a process) on a thread of its own rather than
    /// on the caller's. The fit takes about a second — far longer in a debug build on a busy
    /// machine — and every other task touching it meanwhile blocks its thread on the one-time
    /// initialisation; on a 2-core machine two such tasks would hold the whole cooperative pool,
    /// stalling every other task of the process (connections held by open transactions
    /// included) until the fit is done. Waiting here suspends instead.
    static func standardFittedAside() async -> StoredMatchModel {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: standard) }
        }
    }

    /// Starts fitting ``standard`` in the background, so the first record to arrive finds it
    /// ready (``Store/open`` calls this).
    static func prepareStandard() {
        DispatchQueue.global(qos: .utility).async { _ = StandardMatchModel.fitted }
    }

    /// The standard model with the engine's default thresholds.
    public static var standard: StoredMatchModel {
        let defaults = LinkageConfiguration()
        let fitted = StandardMatchModel.fitted
        return StoredMatchModel(
            id: nil, fittedAt: nil, origin: .standard, recordCount: StandardMatchModel.recordCount, model: fitted.model,
            termFrequencies: fitted.termFrequencies, matchThreshold: defaults.matchThreshold,
            reviewThreshold: defaults.reviewThreshold)
    }

    /// The engine configuration with this model's thresholds.
    public var configuration: LinkageConfiguration {
        var configuration = LinkageConfiguration()
        configuration.matchThreshold = matchThreshold
        configuration.reviewThreshold = reviewThreshold
        return configuration
    }

    /// The matcher deciding with this model.
    public var matcher: LooseMatcher {
        LooseMatcher(model: model, termFrequencies: termFrequencies, configuration: configuration)
    }

    /// The matcher deciding with this model against a store of `population` people, its prior
    /// scaled to that size (see ``prior(forPopulation:)``).
    public func matcher(population: Int) -> LooseMatcher {
        var scaled = model
        scaled.prior = prior(forPopulation: population)
        return LooseMatcher(model: scaled, termFrequencies: termFrequencies, configuration: configuration)
    }

    /// The prior of a pair in a store of `population` people.
    ///
    /// The prior is the probability that two random people are the same (`u` is measured on
    /// random pairs, so the prior must be too): with a steady share of duplicates it falls like
    /// 1/N. A model fitted on `recordCount` people — the standard model's 10 000 generated
    /// ones, or a store that has grown since its fit — would otherwise be 100 times too
    /// generous at 1 000 000 people (6.6 bits), and strangers who share a name and a birth year
    /// with someone would be matched to them. A store smaller than the fitted population keeps
    /// the fitted prior: the scaling never makes a model more generous than it was fitted.
    ///
    /// The result is also at most 1/N: the stored people are already resolved, so an arriving
    /// record is at most one of them, and the chance that it is a given one cannot exceed
    /// 1/N. A fit by EM on a large store (where households and namesakes pass for duplicates)
    /// can estimate a prior far above that: 2.5e-5 on the 1M demo store, 25 times 1/N.
    public func prior(forPopulation population: Int) -> Double {
        let bound = population > 0 ? 1 / Double(population) : 1
        guard population > recordCount, recordCount > 0 else { return min(model.prior, bound) }
        return min(model.prior * Double(recordCount) / Double(population), bound)
    }

    /// Checks a pair of thresholds: probabilities with `0 < review ≤ match < 1`.
    public static func validateThresholds(match: Double, review: Double) throws {
        var issues: [FieldIssue] = []
        if !(match > 0 && match < 1) {
            issues.append(
                FieldIssue(
                    field: "match", code: "out_of_range",
                    message: "The match threshold must be a probability between 0 and 1 (exclusive)."))
        }
        if !(review > 0 && review < 1) {
            issues.append(
                FieldIssue(
                    field: "review", code: "out_of_range",
                    message: "The review threshold must be a probability between 0 and 1 (exclusive)."))
        } else if issues.isEmpty && review > match {
            issues.append(
                FieldIssue(
                    field: "review", code: "above_match",
                    message: "The review threshold must not be above the match threshold (\(match))."))
        }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
    }
}
