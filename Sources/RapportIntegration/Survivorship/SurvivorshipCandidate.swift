import Foundation
import RapportCore

/// One source's current value of an attribute, as survivorship weighs it: the source's latest
/// observation once empty and disallowed values are set aside.
public struct SurvivorshipCandidate: Hashable, Codable, Sendable {
    /// The value as received; nil when the source supplied it empty (only kept when the
    /// attribute's setting does not ignore empty values).
    public var value: String?
    /// The normalised form agreement is judged on (see ``ValueComparison``).
    public var comparisonKey: String
    public var source: ObservationSource
    public var observedAt: Date
    public var rawRecordID: RawRecordID?
    /// Letters and digits in the value, the measure of ``SurvivorshipRule/mostComplete``.
    public var completeness: Int

    init(_ observation: SourceObservation, comparison: ValueComparison) {
        let value = observation.isEmpty ? nil : observation.value
        self.value = value
        comparisonKey = Self.key(value, comparison: comparison)
        source = observation.source
        observedAt = observation.observedAt
        rawRecordID = observation.rawRecordID
        completeness =
            value.map { $0.unicodeScalars.count { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
            ?? 0
    }

    static func key(_ value: String?, comparison: ValueComparison) -> String {
        guard let value else { return "" }
        switch comparison {
        case .exact: return value
        case .folded: return SearchText.fold(value)
        case .alphanumeric: return String(SearchText.fold(value).filter { $0.isLetter || $0.isNumber })
        }
    }

    /// The value as quoted in explanations.
    var quoted: String { value.map { "'\($0)'" } ?? "(empty)" }
}

/// An observation survivorship did not weigh, and why — shown on the 360 page under the
/// value so nothing received seems to vanish.
public struct ExcludedObservation: Hashable, Codable, Sendable {
    public enum Reason: String, Codable, Sendable {
        /// Empty, and the attribute's setting ignores empty values.
        case empty
        /// The source is not registered to supply this attribute.
        case notAllowed = "not_allowed"
        /// The same source sent a newer value.
        case superseded
    }

    public var observation: SourceObservation
    public var reason: Reason
}

/// What separated the winner from the runner-up: the rule's own measure or one of its
/// tie-breaks.
public enum SurvivorshipCriterion: String, Codable, Sendable {
    /// Lower trust rank (more trusted) first.
    case trustRank = "trust_rank"
    /// Later observation first.
    case recency
    /// More letters and digits first.
    case completeness
    /// More agreeing sources first (majority).
    case support
    /// Lower source ID first — the last resort, so every outcome is determined.
    case sourceID = "source_id"
    /// Comparison key first in code-point order — majority's last resort.
    case valueOrder = "value_order"
}
