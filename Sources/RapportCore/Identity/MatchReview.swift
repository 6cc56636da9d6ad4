import Foundation

/// A pair in the grey zone of the match model, waiting for a person to decide (R1.7).
///
/// `personID` is the younger person (the one an arriving record created), `candidateID`
/// the existing person it may be; accepting merges `personID` into `candidateID`, so the
/// older ID survives. The explanation is the engine's `MatchExplanation` as JSON, kept as
/// the text it was stored as: the domain does not depend on the linkage engine.
public struct MatchReview: IdentifiedEntity, Codable, Sendable, Equatable {
    public static let idPrefix = "rev"

    public var id: MatchReviewID
    public var personID: PersonID
    public var candidateID: PersonID
    public var rawRecordID: RawRecordID?
    public var probability: Double
    public var totalWeight: Double
    public var explanation: String
    /// `ingestion` or `batch`.
    public var origin: String
    public var status: MatchReviewStatus
    public var createdAt: Date
    public var decidedAt: Date?
    public var decidedBy: String?
    public var note: String?

    public init(
        id: MatchReviewID, personID: PersonID, candidateID: PersonID, rawRecordID: RawRecordID? = nil, probability: Double,
        totalWeight: Double, explanation: String, origin: String, status: MatchReviewStatus = .open, createdAt: Date,
        decidedAt: Date? = nil, decidedBy: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.personID = personID
        self.candidateID = candidateID
        self.rawRecordID = rawRecordID
        self.probability = probability
        self.totalWeight = totalWeight
        self.explanation = explanation
        self.origin = origin
        self.status = status
        self.createdAt = createdAt
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.note = note
    }
}

public typealias MatchReviewID = Identifier<MatchReview>

/// Where a review stands.
public enum MatchReviewStatus: String, Codable, Sendable, CaseIterable {
    case open
    /// The two were merged.
    case accepted
    /// Different people: the pair is in `distinct_people` and never proposed again.
    case rejected
    /// One of the two was merged elsewhere or erased before anyone decided.
    case obsolete
}
