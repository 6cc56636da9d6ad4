import Foundation
import RapportCore
import SQLKit

extension PersonMerges {
    /// One merge; reading it is audited (its evidence holds both people's folded values).
    public func find(_ id: PersonMergeID, by actor: Actor) async throws -> PersonMerge {
        let merge = try await Self.find(id, on: database.sql)
        try await audit.read(entityType: "person_merge", entityID: id.rawValue, by: actor)
        return merge
    }

    /// Every merge `person` took part in, as survivor or absorbed, newest first (at most 200).
    public func history(of person: PersonID, by actor: Actor) async throws -> [PersonMerge] {
        guard try await database.sql.raw("SELECT id FROM people WHERE id = \(bind: person.rawValue)").first() != nil else {
            throw DomainError.notFound(entity: "person", id: person.rawValue)
        }
        let merges = try await database.sql.raw(
            """
            SELECT * FROM person_merges WHERE survivor_id = \(bind: person.rawValue) OR absorbed_id = \(bind: person.rawValue)
            ORDER BY id DESC LIMIT 200
            """
        ).all().map(Self.merge(from:))
        try await audit.read(entityType: "person", entityID: person.rawValue, detail: "merge history", by: actor)
        return merges
    }

    /// The person everyone merged into `id` ends at, following merges of survivors (nil when
    /// `id` is not merged). Stops after 50 steps: a longer chain is not one merges make.
    static func finalSurvivor(of id: PersonID, on db: any SQLDatabase) async throws -> PersonID? {
        var current = id
        var survivor: PersonID?
        for _ in 0..<50 {
            let row = try await db.raw("SELECT merged_into_id FROM people WHERE id = \(bind: current.rawValue)").first()
            guard let next: PersonID = try row?.optionalID("merged_into_id") else { break }
            survivor = next
            current = next
        }
        return survivor
    }

    /// Throws ``MergedPersonError`` when `id` was merged into someone.
    static func requireUnmerged(_ id: PersonID, on db: any SQLDatabase) async throws {
        if let survivor = try await finalSurvivor(of: id, on: db) {
            throw MergedPersonError(personID: id, survivorID: survivor)
        }
    }

    static func find(_ id: PersonMergeID, on db: any SQLDatabase) async throws -> PersonMerge {
        guard let row = try await db.raw("SELECT * FROM person_merges WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "merge", id: id.rawValue)
        }
        return try merge(from: row)
    }

    static func insert(_ merge: PersonMerge, on db: any SQLDatabase) async throws {
        let ledger = String(decoding: try encoder.encode(merge.ledger), as: UTF8.self)
        try await db.raw(
            """
            INSERT INTO person_merges (id, survivor_id, absorbed_id, reason, review_id, explanation, ledger, merged_by, merged_at)
            VALUES (\(bind: merge.id.rawValue), \(bind: merge.survivorID.rawValue), \(bind: merge.absorbedID.rawValue),
              \(bind: merge.reason.rawValue), \(bind: merge.reviewID?.rawValue), \(bind: merge.explanation), \(bind: ledger),
              \(bind: merge.mergedBy), \(bind: Timestamp.format(merge.mergedAt)))
            """
        ).run()
    }

    static func merge(from row: any SQLRow) throws -> PersonMerge {
        PersonMerge(
            id: try row.id("id"), survivorID: try row.id("survivor_id"), absorbedID: try row.id("absorbed_id"),
            reason: try row.enumValue("reason", as: MergeReason.self), reviewID: try row.optionalID("review_id"),
            explanation: try row.optionalText("explanation"),
            ledger: try JSONDecoder().decode(MergeLedger.self, from: Data(try row.text("ledger").utf8)),
            mergedBy: try row.text("merged_by"), mergedAt: try row.instant("merged_at"),
            undoneAt: try row.optionalInstant("undone_at"), undoneBy: try row.optionalText("undone_by"))
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
