import Foundation
import RapportCore
import SQLKit

/// The `raw_records` row of one received record: the payload byte for byte, where it came
/// from, and — written in the same statement — what became of it.
struct RawRecordRow: Sendable {
    let id: RawRecordID
    let source: SourceID
    let receivedAt: Date
    let payload: String
    let lineage: String?
    /// The raw record a corrected one replaces (a quarantine replay).
    let parent: RawRecordID?

    init(id: RawRecordID, source: SourceID, receivedAt: Date, request: IngestionRequest, parent: RawRecordID?) {
        self.id = id
        self.source = source
        self.receivedAt = receivedAt
        payload = request.payload
        lineage = request.lineage
        self.parent = parent
    }

    /// Writes the row with `result`'s person, outcome and reason (a quarantined record has
    /// neither person nor reason here: its reasons are on the quarantine item).
    func insert(_ result: IngestionResult, on db: any SQLDatabase) async throws {
        let reason = result.outcome == .quarantined ? nil : result.matchReason
        try await db.run(
            """
            INSERT INTO raw_records (id, source_id, received_at, payload, person_id, lineage, parent_id, outcome, match_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(id.rawValue), .text(source.rawValue), .text(Timestamp.format(receivedAt)), .text(payload),
                .text(result.personID?.rawValue), .text(lineage), .text(parent?.rawValue), .text(result.outcome.rawValue),
                .text(reason),
            ])
    }
}
