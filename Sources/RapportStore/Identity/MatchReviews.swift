import Foundation
import RapportCore
import SQLKit

/// The clerical-review queue (R1.7): pairs in the grey zone of the match model, most
/// probable first, each accepted (merged, the older person surviving) or rejected (recorded
/// in `distinct_people`, never proposed again). Reviews hold both people's values: reads
/// and decisions are audited.
public struct MatchReviews: Sendable {
    let database: Database
    let audit: AuditTrail
    let merges: PersonMerges

    /// Reviews with `status` (open by default), most probable first, after `cursor`.
    public func list(status: MatchReviewStatus = .open, cursor: Cursor?, limit: Int, by actor: Actor) async throws
        -> Page<MatchReview>
    {
        var query = SQLQueryString("SELECT * FROM match_reviews WHERE status = \(bind: status.rawValue)")
        if let cursor {
            guard let probability = Double(cursor.sortValue) else {
                throw DomainError.invalid([.invalid("cursor", "The cursor is not one this server made.")])
            }
            query = query + " AND (probability < \(bind: probability) OR (probability = \(bind: probability) AND id > \(bind: cursor.id)))"
        }
        query = query + " ORDER BY probability DESC, id LIMIT \(unsafeRaw: String(limit + 1))"
        let rows = try await database.sql.raw(query).all()
        let reviews = try rows.prefix(limit).map(Self.review(from:))
        let next = rows.count > limit
            ? reviews.last.map { Cursor(sortValue: String($0.probability), id: $0.id.rawValue).encoded } : nil
        try await audit.read(entityType: "match_review", entityID: "*", detail: "list: \(reviews.count) reviews", by: actor)
        return Page(items: reviews, nextCursor: next)
    }

    /// One review. Audited.
    public func find(_ id: MatchReviewID, by actor: Actor) async throws -> MatchReview {
        let review = try await Self.find(id, on: database.sql)
        try await audit.read(entityType: "match_review", entityID: id.rawValue, by: actor)
        return review
    }

    /// Merges the review's person into its candidate (the older person survives) with the
    /// stored explanation as evidence, and closes the review as accepted — one transaction.
    public func accept(_ id: MatchReviewID, note: String?, by actor: Actor) async throws -> (MatchReview, PersonMerge) {
        let note = try Self.checked(note)
        return try await database.transaction { db in
            let review = try await openReview(id, on: db)
            let merge = try await merges.merge(
                review.personID, into: review.candidateID, reason: .reviewAccepted, reviewID: review.id,
                explanation: review.explanation, by: actor, on: db)
            try await decide(review, as: .accepted, note: note, by: actor, on: db)
            return (try await Self.find(id, on: db), merge)
        }
    }

    /// Records the pair as different people (lower ID first) and closes the review as
    /// rejected, with the reverse pair's review if there is one.
    public func reject(_ id: MatchReviewID, note: String?, by actor: Actor) async throws -> MatchReview {
        let note = try Self.checked(note)
        return try await database.transaction { db in
            let review = try await openReview(id, on: db)
            let pair = [review.personID.rawValue, review.candidateID.rawValue].sorted()
            try await db.raw(
                """
                INSERT INTO distinct_people (person_a, person_b, decided_by, decided_at)
                VALUES (\(bind: pair[0]), \(bind: pair[1]), \(bind: actor.name), \(bind: Timestamp.now()))
                ON CONFLICT (person_a, person_b) DO NOTHING
                """
            ).run()
            try await decide(review, as: .rejected, note: note, by: actor, on: db)
            return try await Self.find(id, on: db)
        }
    }

    /// Closes every open review of the pair (either direction) as `status`, and audits it.
    private func decide(
        _ review: MatchReview, as status: MatchReviewStatus, note: String?, by actor: Actor, on db: any SQLDatabase
    ) async throws {
        let (a, b) = (review.personID.rawValue, review.candidateID.rawValue)
        try await db.raw(
            """
            UPDATE match_reviews SET status = \(bind: status.rawValue), decided_at = \(bind: Timestamp.now()),
              decided_by = \(bind: actor.name), note = \(bind: note)
            WHERE (id = \(bind: review.id.rawValue) OR (status = 'open' AND ((person_id = \(bind: a) AND candidate_id = \(bind: b))
              OR (person_id = \(bind: b) AND candidate_id = \(bind: a)))))
            """
        ).run()
        try await audit.record(
            .update, entityType: "match_review", entityID: review.id.rawValue,
            detail: "\(status.rawValue): \(review.personID) and \(review.candidateID)", by: actor, on: db)
    }

    /// The review, locked on PostgreSQL; a decided one is a conflict naming its status.
    private func openReview(_ id: MatchReviewID, on db: any SQLDatabase) async throws -> MatchReview {
        if database.kind == .postgres {
            _ = try await db.raw("SELECT id FROM match_reviews WHERE id = \(bind: id.rawValue) FOR UPDATE").first()
        }
        let review = try await Self.find(id, on: db)
        guard review.status == .open else {
            throw DomainError.conflict(
                field: "status", message: "Review \(id) is already \(review.status.rawValue) (by \(review.decidedBy ?? "the system")).")
        }
        return review
    }

    private static func checked(_ note: String?) throws -> String? {
        var check = IssueCollector()
        let note = check.text(note, field: "note", maxLength: 500)
        try check.check()
        return note
    }

    static func find(_ id: MatchReviewID, on db: any SQLDatabase) async throws -> MatchReview {
        guard let row = try await db.raw("SELECT * FROM match_reviews WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "review", id: id.rawValue)
        }
        return try review(from: row)
    }

    static func review(from row: any SQLRow) throws -> MatchReview {
        MatchReview(
            id: try row.id("id"), personID: try row.id("person_id"), candidateID: try row.id("candidate_id"),
            rawRecordID: try row.optionalID("raw_record_id"), probability: try row.decode(column: "probability", as: Double.self),
            totalWeight: try row.decode(column: "total_weight", as: Double.self), explanation: try row.text("explanation"),
            origin: try row.text("origin"), status: try row.enumValue("status", as: MatchReviewStatus.self),
            createdAt: try row.instant("created_at"), decidedAt: try row.optionalInstant("decided_at"),
            decidedBy: try row.optionalText("decided_by"), note: try row.optionalText("note"))
    }
}
