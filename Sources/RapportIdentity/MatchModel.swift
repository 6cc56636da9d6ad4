import Foundation

/// A fitted Fellegi–Sunter model: for every compared field and level, the probability of that
/// level among true matches (`m`) and among non-matches (`u`), plus the prior probability that two
/// random records match (`prior`, λ).
///
/// The evidence of a level is its match weight `log2(m / u)`; a pair's total weight is the prior
/// log-odds plus the sum over fields, and its match probability is `2^w / (1 + 2^w)`. The same
/// model scores batch runs and incremental resolution.
public struct MatchModel: Sendable, Codable, Hashable {
    /// Probability that two random records are the same person (EM works with the share
    /// among candidate pairs; training converts it, see `ModelTraining.randomPairPrior`).
    public var prior: Double
    /// `m[field][level - 1]`: probability of each level given a match.
    public var m: [[Double]]
    /// `u[field][level - 1]`: probability of each level given a non-match.
    public var u: [[Double]]
    /// How many times rarer than average an agreeing value may make an exact agreement count;
    /// bounds the term-frequency boost for one-off values.
    public var termFrequencyBoostLimit: Double
    /// EM iterations that were run to fit `m` and `prior`.
    public var iterations: Int
    /// Upper bound on the summed positive weight of the address fields (see `AddressEvidence`);
    /// `nil` for no bound.
    public var addressWeightLimit: Double?

    /// Starting values for EM: agreement likely among matches, disagreement among non-matches.
    public static func initial(u: [[Double]], termFrequencyBoostLimit: Double = 16) -> MatchModel {
        let m = ComparedField.allCases.map { field -> [Double] in
            switch field.levelCount {
            case 2: return [0.95, 0.05]
            case 3: return [0.85, 0.10, 0.05]
            case 4: return [0.80, 0.10, 0.06, 0.04]
            default: return [0.80, 0.10, 0.05, 0.03, 0.02]
            }
        }
        return MatchModel(
            prior: 0.05, m: m, u: u, termFrequencyBoostLimit: termFrequencyBoostLimit, iterations: 0)
    }

    /// The match weight (`log2 m/u`) of `level` of `field`; zero for missing values.
    public func weight(_ field: ComparedField, level: Int) -> Double {
        guard level > 0 else { return 0 }
        return log2(m[field.rawValue][level - 1] / u[field.rawValue][level - 1])
    }

    /// The prior log-odds `log2(λ / (1 − λ))`.
    public var priorWeight: Double { log2(prior / (1 - prior)) }

    /// Converts a total match weight to a probability.
    public static func probability(weight: Double) -> Double {
        let odds = exp2(weight)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }

    /// Converts a probability threshold to the equivalent total match weight.
    public static func weight(probability: Double) -> Double {
        let p = min(max(probability, 1e-12), 1 - 1e-12)
        return log2(p / (1 - p))
    }
}
