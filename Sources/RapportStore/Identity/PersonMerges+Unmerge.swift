import Foundation
import RapportCore
import SQLKit

extension PersonMerges {
    /// Undoes a merge: the absorbed person is active again with exactly the rows the ledger
    /// says moved (by their keys, as they are now), their own person keys and raw records,
    /// and their status from before; the survivor loses those rows and the profile fields
    /// the merge filled (where still unchanged), and keeps everything added since.
    ///
    /// Refused while the survivor is itself merged into someone else: the rows are no longer
    /// the survivor's to give back, so that later merge (named in the error) must be undone
    /// first.
    public func unmerge(_ id: PersonMergeID, by actor: Actor) async throws -> PersonMerge {
        try await database.transaction { db in
            if database.kind == .postgres {
                _ = try await db.raw("SELECT id FROM person_merges WHERE id = \(bind: id.rawValue) FOR UPDATE").first()
            }
            var merge = try await Self.find(id, on: db)
            guard merge.isActive else {
                throw DomainError.conflict(
                    field: "status", message: "Merge \(id) was already undone by \(merge.undoneBy ?? "someone").")
            }
            if let later = try await db.raw(
                """
                SELECT id, survivor_id FROM person_merges
                WHERE absorbed_id = \(bind: merge.survivorID.rawValue) AND undone_at IS NULL
                """
            ).first() {
                throw DomainError.conflict(
                    field: "survivor",
                    message: "\(merge.survivorID) was later merged into \(try later.text("survivor_id")) by merge "
                        + "\(try later.text("id")); undo that merge first.")
            }
            for table in MergeTable.all {
                guard let keys = merge.ledger.moved[table.name] else { continue }
                try await table.move(keys, from: merge.survivorID, to: merge.absorbedID, on: db)
            }
            try await clearFilled(merge, on: db)
            let now = Date()
            try await db.raw(
                """
                UPDATE people SET status = \(bind: merge.ledger.absorbedStatus.rawValue), merged_into_id = NULL,
                  updated_at = \(bind: Timestamp.format(now)) WHERE id = \(bind: merge.absorbedID.rawValue)
                """
            ).run()
            try await db.raw(
                "UPDATE people SET updated_at = \(bind: Timestamp.format(now)) WHERE id = \(bind: merge.survivorID.rawValue)"
            ).run()
            try await MatchReviews.reopen(merge.ledger.obsoleteReviews, on: db)
            try await refreshGolden([merge.survivorID, merge.absorbedID], cause: "unmerge \(id)", by: actor, on: db)
            try await CustomerMetrics.refresh([merge.survivorID, merge.absorbedID], on: db)
            for person in [merge.survivorID, merge.absorbedID] { try await MatchIndex.refresh(person, on: db) }
            try await db.raw(
                """
                UPDATE person_merges SET undone_at = \(bind: Timestamp.format(now)), undone_by = \(bind: actor.name)
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            merge.undoneAt = now
            merge.undoneBy = actor.name
            try await announce(merge, verb: "unmerge", by: actor, on: db)
            return merge
        }
    }

    /// Empties the survivor's fields the merge filled, where they still hold the absorbed
    /// person's value (a value changed since is the survivor's own now).
    private func clearFilled(_ merge: PersonMerge, on db: any SQLDatabase) async throws {
        for column in merge.ledger.filledFields where Self.fillableFields.contains(column) {
            let sql = """
                UPDATE people SET \(column) = NULL
                WHERE id = ? AND \(column) = (SELECT b.\(column) FROM people b WHERE b.id = ?)
                """
            try await db.raw(Database.queryString(sql, [.text(merge.survivorID.rawValue), .text(merge.absorbedID.rawValue)])).run()
        }
    }
}
