import Foundation
import RapportCore
import RapportIdentity
import SQLKit

/// Loose matching of an arriving record (R1.7): when no deterministic key finds a person, the
/// record's blocking keys fetch candidates from the `MatchIndex`, and the stored model
/// (`MatchModelRepository`) scores each pair with the engine's `LooseMatcher` — the code batch
/// re-resolution uses. A candidate at or above the match threshold is the record's person;
/// candidates in the grey zone become open `match_reviews` against the new person the record
/// creates.
///
/// `distinct_people` needs no check here: it holds pairs of existing people, and a grey pair
/// always involves the person just created. It is honoured by batch re-resolution, which
/// pairs existing people.
extension IngestionRepository {
    /// The matching form of an arriving record, made like a stored person's row.
    static func matchRow(of record: NormalisedRecord, rawID: RawRecordID) -> PersonMatchRow {
        PersonMatchRow(
            personID: rawID.rawValue, givenName: record.givenName, familyName: record.familyName,
            birthDate: record.birthDate, country: record.country, contactPoints: record.contactPoints)
    }

    /// The loose decision for `row`, on `db` (inside the record's transaction).
    func looseDecision(for row: PersonMatchRow, on db: any SQLDatabase) async throws -> LooseMatcher.Decision {
        let matcher = try await models.matcher(on: db)
        let candidates = try await MatchIndex.candidates(
            keys: LooseMatcher.storedBlockingKeys(row.person), maxBlockSize: matcher.configuration.maxBlockSize, on: db)
        return matcher.resolve(row.person, recordID: row.personID, candidates: candidates.map(\.candidate))
    }
}

extension IngestionRepository {
    /// The loose decision for `record` from `touchpoint` against the stored people, storing
    /// nothing (benchmarks and previews); `nil` when the record is not usable. Strict keys
    /// are not consulted.
    public func looseDecision(for record: IngestRecord, from touchpoint: Touchpoint) async throws -> LooseMatcher.Decision? {
        guard case .success(let normalised) = record.normalised(for: touchpoint, ids: ids, now: Date()) else { return nil }
        return try await looseDecision(for: Self.matchRow(of: normalised, rawID: ids.make()), on: database.sql)
    }
}
