import Foundation
import RapportCore
import SQLKit

/// One side of a review as the reviewer compares it: the person's current profile, contact
/// points and the touchpoints their records came from.
public struct ReviewedPerson: Sendable, Encodable {
    public var person: Person
    public var contactPoints: [ContactPoint]
    /// Names of the touchpoints this person's raw records came from, alphabetically.
    public var sources: [String]
    /// Set when the person has been merged into someone since the pair was proposed.
    public var mergedInto: PersonID?
}

extension MatchReviews {
    /// A review with both people's current profiles, side by side. Audited as a read of the
    /// review and of both people.
    public func detail(_ id: MatchReviewID, by actor: Actor) async throws
        -> (review: MatchReview, person: ReviewedPerson, candidate: ReviewedPerson)
    {
        let review = try await Self.find(id, on: database.sql)
        let person = try await reviewed(review.personID)
        let candidate = try await reviewed(review.candidateID)
        try await audit.read(entityType: "match_review", entityID: id.rawValue, by: actor)
        for side in [review.personID, review.candidateID] {
            try await audit.read(entityType: "person", entityID: side.rawValue, detail: "review \(id)", by: actor)
        }
        return (review, person, candidate)
    }

    private func reviewed(_ id: PersonID) async throws -> ReviewedPerson {
        guard let row = try await database.sql.raw("SELECT * FROM people WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "person", id: id.rawValue)
        }
        let points = try await database.sql.raw(
            "SELECT * FROM contact_points WHERE person_id = \(bind: id.rawValue) ORDER BY kind, id"
        ).all().map(ContactPointRepository.contactPoint(from:))
        let sources = try await database.sql.raw(
            """
            SELECT DISTINCT s.name FROM raw_records r JOIN sources s ON s.id = r.source_id
            WHERE r.person_id = \(bind: id.rawValue) ORDER BY s.name
            """
        ).all().map { try $0.text("name") }
        return ReviewedPerson(
            person: try PersonRepository.person(from: row), contactPoints: points, sources: sources,
            mergedInto: try row.optionalID("merged_into_id"))
    }
}

extension MatchReviews {
    /// Display names of `ids` (merged people included), for lists of reviews and merges.
    public func names(of ids: [PersonID]) async throws -> [PersonID: String] {
        var names: [PersonID: String] = [:]
        let unique = Array(Set(ids.map(\.rawValue))).sorted()
        for start in stride(from: 0, to: unique.count, by: 200) {
            let chunk = unique[start..<min(start + 200, unique.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try await database.sql.raw(
                Database.queryString("SELECT id, display_name FROM people WHERE id IN (\(marks))", chunk.map { .text($0) })
            ).all()
            for row in rows { names[try row.id("id")] = try row.text("display_name") }
        }
        return names
    }
}
