import Foundation
import RapportCore
import RapportIdentity
import RapportStore

/// `/reviews`: the open pairs, most probable first.
struct ReviewListPage {
    let chrome: PageChrome
    let reviews: [Row]
    let nextCursor: String?

    struct Row { let id: String; let probability: String; let person: String; let candidate: String; let origin: String; let at: String }
}

/// `/reviews/{id}`: both people side by side with the per-field evidence.
struct ReviewCasePage {
    let chrome: PageChrome
    let id: String
    let status: String
    let isOpen: Bool
    let decidedBy: String?
    let note: String?
    let probability: String
    let prior: String
    let total: String
    let summary: String?
    let evidence: [Evidence]
    let explanationMissing: Bool
    let person: Side
    let candidate: Side

    struct Evidence {
        let field: String; let valueA: String; let valueB: String; let level: String; let weight: String; let termFrequency: Bool
    }

    struct Side {
        let id: String; let name: String; let born: String; let status: String; let mergedInto: String?
        let contactPoints: [String]; let sources: String
        init(_ reviewed: ReviewedPerson) {
            id = reviewed.person.id.rawValue
            name = reviewed.person.displayName
            born = reviewed.person.birthDate?.description ?? "—"
            status = reviewed.person.status.rawValue.replacingOccurrences(of: "_", with: " ")
            mergedInto = reviewed.mergedInto?.rawValue
            contactPoints = reviewed.contactPoints.map { "\($0.kind.rawValue): \($0.value)" }
            sources = reviewed.sources.isEmpty ? "—" : reviewed.sources.joined(separator: ", ")
        }
    }

    init(chrome: PageChrome, review: MatchReview, person: ReviewedPerson, candidate: ReviewedPerson) {
        self.chrome = chrome
        id = review.id.rawValue
        status = review.status.rawValue
        isOpen = review.status == .open
        decidedBy = review.decidedBy
        note = review.note
        probability = Self.percent(review.probability)
        total = Self.weight(review.totalWeight)
        let explanation = MatchExplanation.decoded(review.explanation)
        explanationMissing = explanation == nil
        prior = explanation.map { Self.weight($0.priorWeight) } ?? "—"
        summary = explanation?.summary
        evidence = (explanation?.fields ?? []).map {
            Evidence(
                field: $0.field.name, valueA: $0.valueA, valueB: $0.valueB, level: $0.level == 0 ? "missing" : $0.levelName,
                weight: Self.weight($0.weight), termFrequency: $0.termFrequencyAdjusted)
        }
        self.person = Side(person)
        self.candidate = Side(candidate)
    }

    static func percent(_ probability: Double) -> String {
        String(format: "%.2f %%", probability * 100)
    }

    static func weight(_ value: Double) -> String {
        String(format: "%+.2f", value)
    }
}

/// The "Merges" panel of the 360 page, for data stewards (`identity:resolve`).
struct MergesPanel {
    let personID: String
    let csrf: String
    let merges: [Row]
    /// Set when the page was reached through the ID of a person merged into this one.
    let mergedFrom: String?

    struct Row {
        let id: String; let role: String; let other: String; let otherName: String; let reason: String; let by: String
        let at: String; let summary: String?; let moved: Int; let kept: Int; let undone: String?; let canUndo: Bool
    }

    init(person: PersonID, merges: [PersonMerge], names: [PersonID: String], mergedFrom: String?, csrf: String) {
        personID = person.rawValue
        self.csrf = csrf
        self.mergedFrom = mergedFrom
        self.merges = merges.map { merge in
            let absorbed = merge.absorbedID == person
            let other = absorbed ? merge.survivorID : merge.absorbedID
            return Row(
                id: merge.id.rawValue, role: absorbed ? "merged into" : "absorbed", other: other.rawValue,
                otherName: names[other] ?? other.rawValue, reason: merge.reason.rawValue.replacingOccurrences(of: "_", with: " "),
                by: merge.mergedBy, at: Self.instant(merge.mergedAt),
                summary: merge.explanation.flatMap(MatchExplanation.decoded)?.summary, moved: merge.ledger.movedCount,
                kept: merge.ledger.keptCount, undone: merge.undoneAt.map { "undone \(Self.instant($0)) by \(merge.undoneBy ?? "")" },
                canUndo: merge.isActive)
        }
    }

    static func instant(_ date: Date) -> String {
        Timestamp.format(date).prefix(19).replacingOccurrences(of: "T", with: " ")
    }
}
