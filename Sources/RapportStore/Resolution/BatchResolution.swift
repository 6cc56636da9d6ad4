import Foundation
import RapportCore
import RapportIdentity
import SQLKit

/// Batch re-resolution (`rapport resolve run`): every indexed person (merged ones excluded)
/// is blocked, compared and scored again with the stored model — the one ingestion uses — and
/// each pair the model flags is written to `match_reviews` with origin `batch`: pairs at or
/// above the match threshold are proposed merges (probability ≥ the threshold), pairs in the
/// grey zone are ordinary reviews. A reviewer (or the merge service) decides both; nothing
/// is merged here.
///
/// `person_id` is the younger person of the pair (the greater ULID), `candidate_id` the
/// older, like a review from ingestion. Pairs in `distinct_people` and pairs that already have
/// a review (open or decided, in either order) are skipped, so re-running proposes only what
/// is new.
public struct BatchResolution: Sendable {
    let database: Database
    let models: MatchModelRepository
    let audit: AuditTrail
    let ids: IDGenerator

    /// What one run found and wrote.
    public struct Summary: Sendable, Equatable {
        public var people: Int
        public var candidatePairs: Int
        /// Pairs at or above the match threshold written as proposed merges.
        public var proposedMerges: Int
        /// Grey pairs written as reviews.
        public var reviews: Int
        /// Pairs left out because a reviewer declared them different people.
        public var distinct: Int
        /// Pairs left out because they already have a review.
        public var alreadyReviewed: Int
    }

    /// Runs the re-resolution and writes its proposals.
    public func run(by actor: Actor) async throws -> Summary {
        let stored = try await models.current()
        let table = try await MatchIndex.table(on: database)
        let result = RecordLinkage(configuration: stored.configuration).run(
            table: table, model: stored.model, termFrequencies: stored.termFrequencies)
        let distinct = try await pairs("SELECT person_a AS a, person_b AS b FROM distinct_people")
        let reviewed = try await pairs("SELECT person_id AS a, candidate_id AS b FROM match_reviews")
        var summary = Summary(
            people: table.count, candidatePairs: result.candidatePairCount, proposedMerges: 0, reviews: 0, distinct: 0,
            alreadyReviewed: 0)
        var proposals: [(person: String, proposal: LooseMatcher.Proposal, merge: Bool)] = []
        for (scored, merge) in result.matches.map({ ($0, true) }) + result.reviews.map({ ($0, false) }) {
            let a = table.recordIDs[Int(scored.pair.a)]
            let b = table.recordIDs[Int(scored.pair.b)]
            let key = Self.key(a, b)
            if distinct.contains(key) {
                summary.distinct += 1
            } else if reviewed.contains(key) {
                summary.alreadyReviewed += 1
            } else {
                // Rows are in person-id order, so `a` (the smaller row) is the older person and
                // the explanation's record A, as in reviews from ingestion.
                proposals.append((b, LooseMatcher.Proposal(candidateID: a, explanation: result.explain(scored)), merge))
                if merge { summary.proposedMerges += 1 } else { summary.reviews += 1 }
            }
        }
        try await write(proposals, by: actor)
        return summary
    }

    private func write(_ proposals: [(person: String, proposal: LooseMatcher.Proposal, merge: Bool)], by actor: Actor)
        async throws
    {
        for chunk in stride(from: 0, to: proposals.count, by: 500).map({ proposals[$0..<min($0 + 500, proposals.count)] }) {
            try await database.transaction { db in
                for item in chunk {
                    _ = try await MatchReviewQueue.queue(
                        [item.proposal], for: PersonID(rawValue: item.person), rawID: nil, origin: "batch", ids: ids,
                        audit: audit, by: actor, on: db)
                }
            }
        }
    }

    private func pairs(_ sql: String) async throws -> Set<String> {
        Set(try await database.read(sql, []).map { Self.key(try $0.text("a"), try $0.text("b")) })
    }

    private static func key(_ a: String, _ b: String) -> String { a < b ? a + "|" + b : b + "|" + a }
}

extension MatchIndex {
    /// Every indexed person not merged, as a linkage table whose record ids are person ids.
    static func table(on database: Database) async throws -> LinkageTable {
        var table = LinkageTable()
        var after = ""
        while true {
            let rows = try await database.read(
                """
                SELECT r.person_id, r.fields FROM person_match_rows r JOIN people p ON p.id = r.person_id
                WHERE r.person_id > ? AND p.status <> 'merged' ORDER BY r.person_id LIMIT 20000
                """, [.text(after)])
            guard let last = rows.last else { return table }
            for row in rows {
                table.append(
                    id: try row.text("person_id"),
                    NormalisedPerson(fields: NormalisedPerson.fields(stored: try row.text("fields"))))
            }
            after = try last.text("person_id")
        }
    }
}
