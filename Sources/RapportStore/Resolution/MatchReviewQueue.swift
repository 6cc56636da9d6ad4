import Foundation
import RapportCore
import RapportIdentity
import SQLKit

/// Writes open clerical reviews to `match_reviews` (migration 011), each with the engine's
/// `MatchExplanation` as JSON; the review queue and its decisions belong to the identity
/// review service.
enum MatchReviewQueue {
    /// Queues one open review per proposal between `person` (created by the record `rawID`,
    /// if any) and the proposed existing person; a pair already queued is left as it is.
    /// Returns the ids of the reviews written.
    static func queue(
        _ proposals: [LooseMatcher.Proposal], for person: PersonID, rawID: RawRecordID?, origin: String, ids: IDGenerator,
        audit: AuditTrail, by actor: Actor, on db: any SQLDatabase
    ) async throws -> [String] {
        var queued: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for proposal in proposals {
            let id: MatchReviewID = ids.make()
            let explanation = String(decoding: try encoder.encode(proposal.explanation), as: UTF8.self)
            let inserted = try await db.raw(
                """
                INSERT INTO match_reviews (id, person_id, candidate_id, raw_record_id, probability, total_weight,
                  explanation, origin, status, created_at)
                VALUES (\(bind: id.rawValue), \(bind: person.rawValue), \(bind: proposal.candidateID),
                  \(bind: rawID?.rawValue), \(bind: proposal.explanation.probability),
                  \(bind: proposal.explanation.totalWeight), \(bind: explanation), \(bind: origin), 'open',
                  \(bind: Timestamp.now()))
                ON CONFLICT (person_id, candidate_id) DO NOTHING
                RETURNING id
                """
            ).all()
            guard !inserted.isEmpty else { continue }
            queued.append(id.rawValue)
            try await audit.record(
                .create, entityType: "match_review", entityID: id.rawValue,
                detail: "\(person) may be \(proposal.candidateID) (p=\(proposal.explanation.probability))", by: actor,
                on: db)
        }
        return queued
    }
}
