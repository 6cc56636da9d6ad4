import Foundation
import RapportCore

/// Computes a person's golden profile from what every source said (R1.3): per attribute, the
/// rule the ``SurvivorshipPolicy`` gives picks one value, and an explanation says which
/// source won and why.
///
/// **Candidates.** For each attribute, observations from sources not allowed to supply it
/// are set aside, and so are empty values when the setting ignores them. Each source then
/// speaks once, with its latest observation (at the same instant, the value first in
/// code-point order); its older values are *superseded*. A source's newer empty value thus
/// hides its older one only when empty values are kept.
///
/// **Order.** Each rule ranks candidates by its own measure, then by fixed tie-breaks, ending
/// in one that cannot tie, so the outcome never depends on input order:
///
/// | rule | order |
/// |---|---|
/// | trusted source | trust rank ↑, observed ↓, source ID ↑ |
/// | most recent | observed ↓, trust rank ↑, source ID ↑ |
/// | most complete | letters and digits ↓, trust rank ↑, observed ↓, source ID ↑ |
/// | majority | agreeing sources ↓, best trust rank among them ↑, latest observed among them ↓, comparison key ↑ |
///
/// Under majority, values agree when their ``ValueComparison`` keys are equal; the value shown
/// is the original form sent by the most trusted of the agreeing sources.
public struct Survivorship: Sendable {
    public var policy: SurvivorshipPolicy

    public init(policy: SurvivorshipPolicy = .standard) {
        self.policy = policy
    }

    /// The golden profile: one value per attribute that appears in `observations`.
    /// `observations` may hold any attributes, from any sources, in any order.
    public func goldenProfile(from observations: [SourceObservation]) -> GoldenProfile {
        let byAttribute = Dictionary(grouping: observations, by: \.attribute)
        return GoldenProfile(values: byAttribute.keys.sorted().map { goldenValue(of: $0, from: byAttribute[$0]!) })
    }

    /// The golden value of one attribute; observations of other attributes are ignored.
    public func goldenValue(of attribute: String, from observations: [SourceObservation]) -> GoldenValue {
        let setting = policy.setting(for: attribute)
        var excluded: [ExcludedObservation] = []
        var latest: [SourceID: SourceObservation] = [:]
        for observation in observations where observation.attribute == attribute {
            if !observation.source.mayProvide(attribute) {
                excluded.append(ExcludedObservation(observation: observation, reason: .notAllowed))
            } else if observation.isEmpty && setting.ignoresEmptyValues {
                excluded.append(ExcludedObservation(observation: observation, reason: .empty))
            } else if let current = latest[observation.source.id] {
                let newer = Self.isNewer(observation, than: current)
                excluded.append(ExcludedObservation(observation: newer ? current : observation, reason: .superseded))
                if newer { latest[observation.source.id] = observation }
            } else {
                latest[observation.source.id] = observation
            }
        }
        excluded.sort(by: Self.excludedOrder)
        let candidates = latest.values.map { SurvivorshipCandidate($0, comparison: setting.comparison) }
        let explanation = Self.decide(rule: setting.rule, candidates: candidates, excluded: excluded)
        return GoldenValue(attribute: attribute, explanation: explanation)
    }

    // MARK: - Ranking

    /// Candidates agreeing on one value (majority), or a single candidate (other rules).
    struct Contender {
        /// In trusted-source order; the first is the one shown.
        var members: [SurvivorshipCandidate]
        var representative: SurvivorshipCandidate { members[0] }
        var latest: Date { members.map(\.observedAt).max()! }
    }

    static func criteria(for rule: SurvivorshipRule) -> [SurvivorshipCriterion] {
        switch rule {
        case .trustedSource: [.trustRank, .recency, .sourceID]
        case .mostRecent: [.recency, .trustRank, .sourceID]
        case .mostComplete: [.completeness, .trustRank, .recency, .sourceID]
        case .majority: [.support, .trustRank, .recency, .valueOrder]
        }
    }

    /// Negative when `a` ranks before `b` on `criterion`, positive after, zero when tied.
    static func compare(_ a: Contender, _ b: Contender, on criterion: SurvivorshipCriterion) -> Int {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch criterion {
        case .trustRank: return order(a.representative.source.trustRank, b.representative.source.trustRank)
        case .recency: return order(b.latest, a.latest)
        case .completeness: return order(b.representative.completeness, a.representative.completeness)
        case .support: return order(b.members.count, a.members.count)
        case .sourceID: return order(a.representative.source.id, b.representative.source.id)
        case .valueOrder: return order(a.representative.comparisonKey, b.representative.comparisonKey)
        }
    }

    /// The first criterion on which `a` and `b` differ, and whether `a` comes first.
    static func firstDifference(_ a: Contender, _ b: Contender, criteria: [SurvivorshipCriterion]) -> (
        SurvivorshipCriterion, Bool
    )? {
        for criterion in criteria {
            let result = compare(a, b, on: criterion)
            if result != 0 { return (criterion, result < 0) }
        }
        return nil
    }

    static func rank(_ contenders: [Contender], by criteria: [SurvivorshipCriterion]) -> [Contender] {
        contenders.sorted { a, b in firstDifference(a, b, criteria: criteria)?.1 ?? false }
    }

    static func decide(rule: SurvivorshipRule, candidates: [SurvivorshipCandidate], excluded: [ExcludedObservation])
        -> SurvivorshipExplanation
    {
        let trustOrder = criteria(for: .trustedSource)
        let singles = rank(candidates.map { Contender(members: [$0]) }, by: trustOrder)
        let contenders: [Contender]
        if rule == .majority {
            let groups = Dictionary(grouping: singles, by: \.representative.comparisonKey)
            // `singles` is in trust order and grouping keeps order, so each group's first member is its most trusted.
            contenders = rank(
                groups.values.map { Contender(members: $0.map(\.representative)) }, by: criteria(for: .majority))
        } else {
            contenders = rank(singles, by: criteria(for: rule))
        }
        guard let winner = contenders.first else {
            return SurvivorshipExplanation(
                rule: rule, winner: nil, candidates: [], excluded: excluded, decidedBy: nil,
                reason: SurvivorshipReason.nothingSupplied(excluded: excluded))
        }
        let runnerUp =
            contenders.dropFirst().first { $0.representative.comparisonKey != winner.representative.comparisonKey }
            ?? contenders.dropFirst().first
        let decidedBy = runnerUp.flatMap { firstDifference(winner, $0, criteria: criteria(for: rule))?.0 }
        let reason = SurvivorshipReason(
            rule: rule, winner: winner, runnerUp: runnerUp, decidedBy: decidedBy, total: candidates.count,
            allAgree: contenders.allSatisfy { $0.representative.comparisonKey == winner.representative.comparisonKey })
        return SurvivorshipExplanation(
            rule: rule, winner: winner.representative, candidates: contenders.flatMap(\.members), excluded: excluded,
            decidedBy: decidedBy, reason: reason.text)
    }

    /// Whether `a` replaces `b` as its source's current value: later, or at the same instant
    /// first in code-point order (nil, the empty value, first of all).
    static func isNewer(_ a: SourceObservation, than b: SourceObservation) -> Bool {
        if a.observedAt != b.observedAt { return a.observedAt > b.observedAt }
        return (a.value ?? "") < (b.value ?? "")
    }

    static func excludedOrder(_ a: ExcludedObservation, _ b: ExcludedObservation) -> Bool {
        if a.observation.source.id != b.observation.source.id {
            return a.observation.source.id < b.observation.source.id
        }
        if a.observation.observedAt != b.observation.observedAt {
            return a.observation.observedAt > b.observation.observedAt
        }
        return (a.observation.value ?? "") < (b.observation.value ?? "")
    }
}
