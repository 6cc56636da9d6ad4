import Foundation
import RapportCore
import SQLKit

/// Merging one person into another and undoing it (R1.7): every merge is explainable
/// (reason, evidence, who and when) and reversible (``MergeLedger``).
///
/// A merge moves everything of the absorbed person to the survivor in one transaction —
/// contact points, purchases, interactions, raw records (their lineage), person keys,
/// memberships, attribute values and frozen segment memberships, see ``MergeTable`` — fills
/// the survivor's empty profile fields, recomputes the survivor's golden profile over both
/// people's source records (``refreshGolden(_:cause:by:on:)``), and leaves the absorbed person's row in place with
/// status `merged`, pointing at the survivor. Both are audited and announced as
/// `person.updated`; the moved rows' triggers and the two people rows' updates move both
/// view stamps, so neither 360 is served stale.
public struct PersonMerges: Sendable {
    let database: Database
    let audit: AuditTrail
    let outbox: EventOutbox
    let ids: IDGenerator

    /// Profile columns a merge fills on the survivor when only the absorbed person has them.
    /// Names are never filled: they are what the survivor is known by.
    static let fillableFields = ["birth_date", "gender", "language", "country", "owner_user_id"]

    /// Merges `absorbed` into `survivor` by hand.
    public func merge(_ absorbed: PersonID, into survivor: PersonID, by actor: Actor) async throws -> PersonMerge {
        try await database.transaction { db in
            try await merge(absorbed, into: survivor, reason: .manual, reviewID: nil, explanation: nil, by: actor, on: db)
        }
    }

    /// The merge itself, on the caller's transaction (a review's acceptance runs it in its own).
    func merge(
        _ absorbed: PersonID, into survivor: PersonID, reason: MergeReason, reviewID: MatchReviewID?, explanation: String?,
        by actor: Actor, on db: any SQLDatabase
    ) async throws -> PersonMerge {
        let (absorbedStatus, pair) = try await checkMergeable(absorbed, into: survivor, on: db)
        // Before anything moves: a bulk-loaded person's own profile becomes their observation,
        // so the absorbed person's source records do not simply replace it (see refreshGolden).
        for person in pair { try await StaffObservations.seedIfNeeded(person, on: db) }
        var ledger = MergeLedger(absorbedStatus: absorbedStatus)
        for table in MergeTable.all {
            let (moved, kept) = try await table.partition(from: absorbed, to: survivor, on: db)
            try await table.move(moved, from: absorbed, to: survivor, on: db)
            if !moved.isEmpty { ledger.moved[table.name] = moved }
            if !kept.isEmpty { ledger.kept[table.name] = kept }
        }
        ledger.filledFields = try await fillProfile(of: survivor, from: absorbed, on: db)
        let now = Date()
        let id: PersonMergeID = ids.make()
        ledger.obsoleteReviews = try await MatchReviews.settle(
            absorbed: absorbed, survivor: survivor, decided: reviewID, merge: id, at: now, by: actor, on: db)
        try await db.raw(
            """
            UPDATE people SET status = 'merged', merged_into_id = \(bind: survivor.rawValue),
              updated_at = \(bind: Timestamp.format(now)) WHERE id = \(bind: absorbed.rawValue)
            """
        ).run()
        try await db.raw("UPDATE people SET updated_at = \(bind: Timestamp.format(now)) WHERE id = \(bind: survivor.rawValue)").run()
        try await refreshGolden([survivor], cause: "merge \(id)", by: actor, on: db)
        try await CustomerMetrics.refresh([survivor, absorbed], on: db)
        // The survivor now answers to the absorbed person's contact points in loose matching.
        for person in [survivor, absorbed] { try await MatchIndex.refresh(person, on: db) }
        let merge = PersonMerge(
            id: id, survivorID: survivor, absorbedID: absorbed, reason: reason, reviewID: reviewID, explanation: explanation,
            ledger: ledger, mergedBy: actor.name, mergedAt: now)
        try await Self.insert(merge, on: db)
        try await announce(merge, verb: "merge", by: actor, on: db)
        return merge
    }

    /// Refuses a merge of a person with themselves, of unknown or already merged people, and
    /// of a pair a reviewer declared different people; returns the absorbed person's status and
    /// both people as stored (survivor first).
    private func checkMergeable(_ absorbed: PersonID, into survivor: PersonID, on db: any SQLDatabase) async throws
        -> (PersonStatus, [Person])
    {
        guard absorbed != survivor else {
            throw DomainError.invalid([.invalid("absorb", "A person cannot be merged with themselves (\(survivor)).")])
        }
        if database.kind == .postgres {
            _ = try await db.raw(
                "SELECT id FROM people WHERE id IN (\(bind: survivor.rawValue), \(bind: absorbed.rawValue)) ORDER BY id FOR UPDATE"
            ).all()
        }
        let survivorRow = try await Self.personRow(survivor, field: "id", on: db)
        let absorbedRow = try await Self.personRow(absorbed, field: "absorb", on: db)
        for (row, field) in [(survivorRow, "id"), (absorbedRow, "absorb")] {
            let id: PersonID = try row.id("id")
            if let into: PersonID = try row.optionalID("merged_into_id") {
                throw DomainError.conflict(field: field, message: "Person \(id) was already merged into \(into).")
            }
        }
        let pair = [survivor.rawValue, absorbed.rawValue].sorted()
        if let decision = try await db.raw(
            "SELECT decided_by FROM distinct_people WHERE person_a = \(bind: pair[0]) AND person_b = \(bind: pair[1])"
        ).first() {
            throw DomainError.conflict(
                field: "absorb",
                message: "\(survivor) and \(absorbed) were declared different people by \(try decision.text("decided_by")).")
        }
        return (
            try absorbedRow.enumValue("status", as: PersonStatus.self),
            [try PersonRepository.person(from: survivorRow), try PersonRepository.person(from: absorbedRow)]
        )
    }

    static func personRow(_ id: PersonID, field: String, on db: any SQLDatabase) async throws -> any SQLRow {
        guard let row = try await db.raw("SELECT * FROM people WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.invalid([.invalid(field, "No person with id '\(id)' exists.")])
        }
        return row
    }

    /// Copies each of ``fillableFields`` that the survivor lacks and the absorbed person has.
    private func fillProfile(of survivor: PersonID, from absorbed: PersonID, on db: any SQLDatabase) async throws -> [String] {
        var filled: [String] = []
        for column in Self.fillableFields {
            let sql = """
                UPDATE people SET \(column) = (SELECT b.\(column) FROM people b WHERE b.id = ?)
                WHERE id = ? AND \(column) IS NULL
                  AND EXISTS (SELECT 1 FROM people b WHERE b.id = ? AND b.\(column) IS NOT NULL) RETURNING 1 AS one
                """
            let binds: [QueryValue] = [.text(absorbed.rawValue), .text(survivor.rawValue), .text(absorbed.rawValue)]
            if try await !db.raw(Database.queryString(sql, binds)).all().isEmpty { filled.append(column) }
        }
        return filled
    }

    /// Recomputes the golden profiles of `people` from the source records they hold now (R1.3).
    ///
    /// After a merge the survivor holds the absorbed person's raw records, so survivorship
    /// decides each attribute over both people's sources: a more trusted source of the absorbed
    /// person wins, as it would have had both records arrived for one person. What staff entered
    /// stays with the person they entered it for — the survivor's staff values still outrank
    /// every touchpoint, the absorbed person's only fill empty fields (``fillableFields``), and
    /// names come from sources, never from the absorbed person's staff entries. After an unmerge
    /// the same recompute gives each person back the golden values of their own records.
    func refreshGolden(_ people: [PersonID], cause: String, by actor: Actor, on db: any SQLDatabase) async throws {
        let golden = GoldenProfiles(audit: audit, outbox: outbox)
        for person in people { try await golden.refresh(person, cause: cause, by: actor, on: db) }
    }

    /// Audits the change on both people and writes `person.updated` for both.
    func announce(_ merge: PersonMerge, verb: String, by actor: Actor, on db: any SQLDatabase) async throws {
        let summary = "\(verb) \(merge.id): \(merge.absorbedID) into \(merge.survivorID) (\(merge.reason.rawValue))"
        for person in [merge.survivorID, merge.absorbedID] {
            try await audit.record(.update, entityType: "person", entityID: person.rawValue, detail: summary, by: actor, on: db)
            try await outbox.record(.personUpdated, entityID: person.rawValue, on: db)
        }
    }
}
