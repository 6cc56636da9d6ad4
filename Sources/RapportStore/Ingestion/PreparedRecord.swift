import Foundation
import RapportCore

/// A received record with the work that needs no database already done: its raw-record
/// row, and its normalised form with the matching form loose matching compares — or why
/// it cannot be used.
///
/// Why apart: normalisation is pure and a large share of a record's CPU time. A file import
/// prepares the next batch on another core while the current one is written (see
/// ``CSVImport``), instead of doing both in turn inside the transaction.
struct PreparedRecord: Sendable {
    let raw: RawRecordRow
    let outcome: Result<Normalised, DomainError>

    struct Normalised: Sendable {
        let record: NormalisedRecord
        let matchRow: PersonMatchRow
    }

    var receivedAt: Date { raw.receivedAt }

    init(_ request: IngestionRequest, from touchpoint: Touchpoint, parent: RawRecordID?, ids: IDGenerator, now: Date = Date()) {
        let raw = RawRecordRow(id: ids.make(), source: touchpoint.id, receivedAt: now, request: request, parent: parent)
        self.raw = raw
        outcome = request.parsed.flatMap { $0.normalised(for: touchpoint, ids: ids, now: now) }.map {
            Normalised(record: $0, matchRow: IngestionRepository.matchRow(of: $0, rawID: raw.id))
        }
    }
}
