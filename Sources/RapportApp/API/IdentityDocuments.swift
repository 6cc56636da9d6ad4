import Foundation
import RapportCore
import RapportIdentity

/// A review as the API shows it: the stored explanation decoded into the engine's
/// ``MatchExplanation`` (nil if it is not one), with its one-line summary.
struct ReviewDocument: Encodable {
    let id: MatchReviewID
    let personID: PersonID
    let candidateID: PersonID
    let rawRecordID: RawRecordID?
    let probability: Double
    let totalWeight: Double
    let origin: String
    let status: MatchReviewStatus
    let createdAt: Date
    let decidedAt: Date?
    let decidedBy: String?
    let note: String?
    let explanation: MatchExplanation?
    let summary: String?

    init(_ review: MatchReview) {
        id = review.id
        personID = review.personID
        candidateID = review.candidateID
        rawRecordID = review.rawRecordID
        probability = review.probability
        totalWeight = review.totalWeight
        origin = review.origin
        status = review.status
        createdAt = review.createdAt
        decidedAt = review.decidedAt
        decidedBy = review.decidedBy
        note = review.note
        explanation = MatchExplanation.decoded(review.explanation)
        summary = explanation?.summary
    }
}

/// A merge as the API shows it, with the evidence decoded like ``ReviewDocument``'s.
struct MergeDocument: Encodable {
    let id: PersonMergeID
    let survivorID: PersonID
    let absorbedID: PersonID
    let reason: MergeReason
    let reviewID: MatchReviewID?
    let mergedBy: String
    let mergedAt: Date
    let undoneAt: Date?
    let undoneBy: String?
    let ledger: MergeLedger
    let explanation: MatchExplanation?
    let summary: String?

    init(_ merge: PersonMerge) {
        id = merge.id
        survivorID = merge.survivorID
        absorbedID = merge.absorbedID
        reason = merge.reason
        reviewID = merge.reviewID
        mergedBy = merge.mergedBy
        mergedAt = merge.mergedAt
        undoneAt = merge.undoneAt
        undoneBy = merge.undoneBy
        ledger = merge.ledger
        explanation = merge.explanation.flatMap(MatchExplanation.decoded)
        summary = explanation?.summary
    }
}

extension MatchExplanation {
    /// The explanation stored as JSON text, or nil when the text is not one.
    static func decoded(_ text: String) -> MatchExplanation? {
        try? JSONDecoder().decode(MatchExplanation.self, from: Data(text.utf8))
    }
}
