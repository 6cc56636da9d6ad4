import Foundation
import RapportCore
import RapportValue
import SQLKit

extension ValueScoreRepository {
    /// Replaces the RFM scores of one currency (R3.3) in one transaction: rules read them as
    /// `rfm_segment`, for the person's main currency.
    public func replaceRFM(currency: String, scores: [RFMScoring.Score], bins: Int) async throws {
        let now = Timestamp.now()
        let rows: [[QueryValue]] = scores.map {
            [
                .text($0.id), .text(currency), .integer($0.recency), .integer($0.frequency), .integer($0.monetary),
                .text($0.segment.rawValue), .integer(bins), .text(now),
            ]
        }
        try await database.transaction { db in
            try await db.raw("DELETE FROM rfm_scores WHERE currency = \(bind: currency)").run()
            try await BulkTable(
                "rfm_scores",
                ["person_id", "currency", "recency", "frequency", "monetary", "segment", "bins", "scored_at"], rows
            ) { $0 }.insert(on: db)
        }
    }
}
