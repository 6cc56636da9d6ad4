import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// One stored golden value of a person (migration 013's `golden_values`): the value, which
/// source and raw record it came from, under which rule and why, with the competing
/// observations — what the 360 page and `GET /api/v1/people/{id}/golden` show.
public struct StoredGoldenValue: Sendable, Encodable, Equatable {
    public var attribute: String
    public var label: String
    public var value: String?
    /// The winning source; `src_staff` for staff edits.
    public var sourceID: SourceID?
    public var sourceName: String?
    public var trustRank: Int?
    public var rawRecordID: RawRecordID?
    public var rule: SurvivorshipRule
    public var reason: String
    /// Every source's current value, best first by the rule, and what was set aside.
    public var candidates: [SurvivorshipCandidate]
    public var excluded: [ExcludedObservation]
    public var computedAt: Date

    init(_ golden: GoldenValue, computedAt: Date) {
        attribute = golden.attribute
        label = GoldenAttribute(rawValue: golden.attribute)?.label ?? golden.attribute
        value = golden.value
        sourceID = golden.source?.id
        sourceName = golden.source?.name
        trustRank = golden.source?.trustRank
        rawRecordID = golden.explanation.winner?.rawRecordID
        rule = golden.explanation.rule
        reason = golden.explanation.reason
        candidates = golden.explanation.candidates
        excluded = golden.explanation.excluded
        self.computedAt = computedAt
    }

    /// A person's stored golden values, in attribute order.
    static func all(of person: PersonID, in database: Database) async throws -> [StoredGoldenValue] {
        try await database.read(
            "SELECT explanation, computed_at FROM golden_values WHERE person_id = ? ORDER BY attribute",
            [.text(person.rawValue)]
        ).map { row in
            let golden = try JSONDecoder().decode(GoldenValue.self, from: Data(try row.text("explanation").utf8))
            return StoredGoldenValue(golden, computedAt: try row.instant("computed_at"))
        }
    }

    /// The rows as stored now, keyed by attribute: the explanation JSON, to tell what changed.
    static func storedExplanations(of person: PersonID, on db: any SQLDatabase) async throws -> [String: String] {
        var stored: [String: String] = [:]
        for row in try await db.rows(
            "SELECT attribute, explanation FROM golden_values WHERE person_id = ?", [.text(person.rawValue)]
        ) {
            stored[try row.text("attribute")] = try row.text("explanation")
        }
        return stored
    }
}
