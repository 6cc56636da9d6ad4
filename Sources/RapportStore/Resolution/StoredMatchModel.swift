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
