import Foundation
import RapportCore
import SQLKit

/// Writes a frozen segment's member list, inside the caller's transaction.
enum SegmentMembers {
    /// Stores everyone `query` selects now (among the people `actor` may see); returns how many.
    static func add(_ query: SegmentQuery, to id: SegmentID, by actor: Actor, on db: any SQLDatabase) async throws
        -> Int
    {
        let insert =
            SQLQueryString("INSERT INTO segment_members (segment_id, person_id, added_at) SELECT ")
            + "\(bind: id.rawValue), p.id, \(bind: Timestamp.now())" + SQLQueryString(SegmentQuery.from)
            + query.whereClause(for: actor)
        try await db.raw(insert).run()
        return try await count(of: id, on: db)
    }

    /// Stores these people, each of whom must exist and be visible to `actor`; returns how many.
    static func add(_ people: [PersonID], to id: SegmentID, by actor: Actor, on db: any SQLDatabase) async throws -> Int
    {
        let unique = Array(Set(people)).sorted()
        for person in unique {
            do {
                try await Visibility.requirePerson(person, visibleTo: actor, on: db)
            } catch is DomainError {
                let index = people.firstIndex(of: person) ?? 0
                throw DomainError.invalid([
                    .invalid("personIDs[\(index)]", "personIDs[\(index)] '\(person)' is not a person you can see.")
                ])
            }
        }
        let now = Timestamp.now()
        let rows = unique.map { [QueryValue.text(id.rawValue), .text($0.rawValue), .text(now)] }
        let table = BulkTable("segment_members", ["segment_id", "person_id", "added_at"], rows) { $0 }
        try await table.insert(on: db)
        return unique.count
    }

    static func count(of id: SegmentID, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM segment_members WHERE segment_id = \(bind: id.rawValue)").first()?
            .integer("n") ?? 0
    }
}
