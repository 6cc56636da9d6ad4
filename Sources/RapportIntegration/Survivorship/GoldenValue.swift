import Foundation

/// The golden profile's value for one attribute, with the explanation shown on the 360 page.
public struct GoldenValue: Hashable, Codable, Sendable {
    public let attribute: String
    /// The winning value in its original form; nil when no source supplied one (or an empty
    /// value won under a setting that keeps empty values).
    public let value: String?
    /// The source whose value won.
    public let source: ObservationSource?
    public let explanation: SurvivorshipExplanation

    public init(attribute: String, explanation: SurvivorshipExplanation) {
        self.attribute = attribute
        self.value = explanation.winner?.value
        self.source = explanation.winner?.source
        self.explanation = explanation
    }
}

/// Why a value won: the rule, the winner, every candidate in the rule's order, what was set
/// aside, and a one-line reason such as "Web shop (trust 1) outranks Call centre (trust 3)."
public struct SurvivorshipExplanation: Hashable, Codable, Sendable {
    public var rule: SurvivorshipRule
    public var winner: SurvivorshipCandidate?
    /// One candidate per source, best first by the rule (for majority: the winning value's
    /// sources first, then the next value's, …).
    public var candidates: [SurvivorshipCandidate]
    public var excluded: [ExcludedObservation]
    /// What separated the winner from the runner-up; nil when there was no rival.
    public var decidedBy: SurvivorshipCriterion?
    public var reason: String
}

/// A person's golden profile: one golden value per attribute observed, in attribute order.
public struct GoldenProfile: Hashable, Codable, Sendable {
    public var values: [GoldenValue]

    public init(values: [GoldenValue]) {
        self.values = values.sorted { $0.attribute < $1.attribute }
    }

    public subscript(attribute: String) -> GoldenValue? {
        values.first { $0.attribute == attribute }
    }

    /// Attributes whose golden value or winning source differs from `previous` — what to
    /// write back after a rule change.
    public func changedAttributes(since previous: GoldenProfile) -> [String] {
        let before = Dictionary(previous.values.map { ($0.attribute, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(values.map { ($0.attribute, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().filter { attribute in
            let old = before[attribute]
            let new = after[attribute]
            return old?.value != new?.value || old?.source?.id != new?.source?.id
        }
    }
}
