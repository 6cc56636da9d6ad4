import Foundation
import RapportCore
import SQLKit

/// What a merge and an unmerge do to the queue.
extension MatchReviews {
    /// In a merge of `absorbed` into `survivor`: open reviews of exactly that pair are
    /// accepted (the merge decided them; `decided` is the one being accepted, which its
    /// caller closes), and every other open review of the absorbed person becomes obsolete.
    /// Returns the obsolete ones' IDs for the ledger.
    static func settle(
        absorbed: PersonID, survivor: PersonID, decided: MatchReviewID?, merge: PersonMergeID, at now: Date, by actor: Actor,
        on db: any SQLDatabase
    ) async throws -> [String] {
        let (a, s) = (absorbed.rawValue, survivor.rawValue)
        let at = Timestamp.format(now)
        try await db.raw(
            """
            UPDATE match_reviews SET status = 'accepted', decided_at = \(bind: at), decided_by = \(bind: actor.name),
              note = \(bind: "decided by merge \(merge)")
            WHERE status = 'open' AND id <> \(bind: decided?.rawValue ?? "")
              AND ((person_id = \(bind: a) AND candidate_id = \(bind: s)) OR (person_id = \(bind: s) AND candidate_id = \(bind: a)))
            """
        ).run()
        return try await db.raw(
            """
            UPDATE match_reviews SET status = 'obsolete', decided_at = \(bind: at), decided_by = \(bind: actor.name),
              note = \(bind: "\(absorbed) was merged into \(survivor) by merge \(merge)")
            WHERE status = 'open' AND id <> \(bind: decided?.rawValue ?? "") AND (person_id = \(bind: a) OR candidate_id = \(bind: a))
            RETURNING id
            """
        ).all().map { try $0.text("id") }.sorted()
    }

    /// In an unmerge: the reviews the merge made obsolete are open again, if nothing else
    /// closed them since.
    static func reopen(_ ids: [String], on db: any SQLDatabase) async throws {
        for id in ids {
            try await db.raw(
                """
                UPDATE match_reviews SET status = 'open', decided_at = NULL, decided_by = NULL, note = NULL
                WHERE id = \(bind: id) AND status = 'obsolete'
                """
            ).run()
        }
    }
}
