/// The evidence of one field in a pair decision.
public struct FieldEvidence: Sendable, Hashable, Codable {
    /// The compared field.
    public let field: ComparedField
    /// Its comparison level (`0` missing, `1` strongest agreement).
    public let level: Int
    /// The level's name, e.g. `"jaro-winkler >= 0.92"`.
    public let levelName: String
    /// Folded value of the first record.
    public let valueA: String
    /// Folded value of the second record.
    public let valueB: String
    /// Match weight contributed (`log2 m/u`, term-frequency adjusted where marked).
    public let weight: Double
    /// Whether the weight uses the frequency of the agreeing value.
    public let termFrequencyAdjusted: Bool
}

/// Why two records were (or were not) judged the same person: per-field levels and weights,
/// the prior, the total match weight and the match probability.
public struct MatchExplanation: Sendable, Hashable, Codable {
    /// Id of the first record.
    public let recordA: String
    /// Id of the second record.
    public let recordB: String
    /// Evidence per compared field.
    public let fields: [FieldEvidence]
    /// Prior log-odds of a match among candidate pairs.
    public let priorWeight: Double
    /// Prior plus the sum of field weights.
    public let totalWeight: Double
    /// `2^total / (1 + 2^total)`.
    public let probability: Double

    /// A one-line summary such as `given_name exact +5.2, surname different -4.1, … = 12.3 (p=0.9998)`.
    public var summary: String {
        let parts = fields.filter { $0.level > 0 }.map { evidence in
            "\(evidence.field.name) \(evidence.levelName) \(Self.signed(evidence.weight))"
        }
        let probabilityText = String(Int((probability * 10000).rounded())) + "/10000"
        return (parts + ["prior \(Self.signed(priorWeight))"]).joined(separator: "; ")
            + " = \(Self.signed(totalWeight)) (p=\(probabilityText))"
    }

    private static func signed(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded >= 0 ? "+\(rounded)" : "\(rounded)"
    }
}

/// What to do with a scored pair.
public enum LinkageDecision: String, Sendable, Hashable, Codable {
    /// Same person: merge.
    case match
    /// Uncertain: clerical review.
    case review
    /// Different people.
    case nonMatch = "non_match"
}
