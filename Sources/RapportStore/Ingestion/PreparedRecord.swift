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
        /// The person the record creates should no one match it; nil when it names no one.
        let newcomer: Newcomer?
    }

    /// A new person as the record would create them, made ahead like the rest: the writer
    /// only stores them. Unused (and their identifier with them) when the record matches.
    struct Newcomer: Sendable {
        let arrival: HouseholdPlacement.Arrival
        /// Their matching row's upsert (``PersonMatchRow/upsert``).
        let matchRow: (sql: String, binds: [QueryValue])
        var person: Person { arrival.person }
        var contactPoints: [ContactPoint] { arrival.contactPoints }

        init?(_ record: NormalisedRecord, matchRow: PersonMatchRow, ids: IDGenerator, now: Date) {
            guard let person = record.newPerson(id: ids.make(), now: now) else { return nil }
            arrival = HouseholdPlacement.Arrival(
                person: person, contactPoints: record.contactPoints(ofNewPerson: person.id), on: LocalDate(now))
            self.matchRow = matchRow.owned(by: person.id).upsert
        }
    }

    var receivedAt: Date { raw.receivedAt }

    init(_ request: IngestionRequest, from touchpoint: Touchpoint, parent: RawRecordID?, ids: IDGenerator, now: Date = Date()) {
        let raw = RawRecordRow(id: ids.make(), source: touchpoint.id, receivedAt: now, request: request, parent: parent)
        self.raw = raw
        outcome = request.parsed.flatMap { $0.normalised(for: touchpoint, ids: ids, now: now) }.map {
            let matchRow = IngestionRepository.matchRow(of: $0, rawID: raw.id)
            return Normalised(
                record: $0, matchRow: matchRow, newcomer: Newcomer($0, matchRow: matchRow, ids: ids, now: now))
        }
    }
}
