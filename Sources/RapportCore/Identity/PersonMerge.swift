import Foundation

/// One person absorbed into another (R1.7): who survived, who was absorbed, why, on what
/// evidence, and exactly which rows moved, so that ``MergeLedger`` can put them back.
///
/// The absorbed person is never deleted: their row stays with status `merged` and points
/// at the survivor, so their ID keeps resolving (to "merged into …") and an unmerge gives
/// it back unchanged.
public struct PersonMerge: IdentifiedEntity, Codable, Sendable, Equatable {
    public static let idPrefix = "mrg"

    public var id: PersonMergeID
    public var survivorID: PersonID
    public var absorbedID: PersonID
    public var reason: MergeReason
    /// The review this merge decided, for `reason == .reviewAccepted`.
    public var reviewID: MatchReviewID?
    /// The match engine's explanation (`MatchExplanation` as JSON) when the merge rests on one.
    public var explanation: String?
    public var ledger: MergeLedger
    public var mergedBy: String
    public var mergedAt: Date
    public var undoneAt: Date?
    public var undoneBy: String?

    public init(
        id: PersonMergeID, survivorID: PersonID, absorbedID: PersonID, reason: MergeReason, reviewID: MatchReviewID? = nil,
        explanation: String? = nil, ledger: MergeLedger, mergedBy: String, mergedAt: Date, undoneAt: Date? = nil,
        undoneBy: String? = nil
    ) {
        self.id = id
        self.survivorID = survivorID
        self.absorbedID = absorbedID
        self.reason = reason
        self.reviewID = reviewID
        self.explanation = explanation
        self.ledger = ledger
        self.mergedBy = mergedBy
        self.mergedAt = mergedAt
        self.undoneAt = undoneAt
        self.undoneBy = undoneBy
    }

    /// True while the merge stands (it has not been undone).
    public var isActive: Bool { undoneAt == nil }
}

public typealias PersonMergeID = Identifier<PersonMerge>

/// Why two people were merged.
public enum MergeReason: String, Codable, Sendable, CaseIterable {
    /// A data steward merged them by hand.
    case manual
    /// A reviewer accepted a pair from the clerical-review queue.
    case reviewAccepted = "review_accepted"
    /// A batch re-resolution found them to be one person.
    case batch
}
