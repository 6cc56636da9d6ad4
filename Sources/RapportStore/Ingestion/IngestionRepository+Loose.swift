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

    /// The loose decision for `row` (with the record's deterministic `keys`), on `db` (inside
    /// the record's transaction), with `matcher` (else the current one) and the candidates
    /// and decision read `ahead` (``ResolutionLookahead``), if the batch has them.
    ///
    /// A match is demoted to a review when the candidate already holds a key the record
    /// contradicts: a customer number of the same touchpoint or a loyalty card (the record's
    /// own key found nobody, so the candidate's is a different one). Two customer numbers of
    /// one shop are two customers, however alike their names and e-mails.
    func looseDecision(
        for row: PersonMatchRow, keys: [PersonKey] = [], matcher batchMatcher: LooseMatcher? = nil,
        ahead: ResolutionLookahead.Loose? = nil, on db: any SQLDatabase
    ) async throws -> LooseMatcher.Decision {
        let matcher: LooseMatcher
        if let batchMatcher { matcher = batchMatcher } else { matcher = try await models.matcher(on: db) }
        let read: ResolutionLookahead.Loose
        if let ahead { read = ahead } else { read = try await ResolutionLookahead.loose(for: row, matcher: matcher, on: db) }
        let decision = try await Self.decide(row, with: matcher, among: read.candidates, first: read.decision) {
            try await MatchIndex.merged(among: $0, on: db)
        }
        guard case .match(let proposal) = decision,
            try await contradicts(keys, heldBy: proposal.candidateID, on: db)
        else { return decision }
        return .review([proposal])
    }

    /// The matcher's decision for `row` among `candidates` without merged people: the people it
    /// proposes are checked with `merged` and, when one is merged, it decides again without
    /// them. Scores use the stored term frequencies, so leaving a candidate out changes no
    /// other candidate's weight: the decision is the one the remaining candidates alone give.
    /// `first`: the decision among all `candidates`, when the caller has it already.
    static func decide(
        _ row: PersonMatchRow, with matcher: LooseMatcher, among candidates: [LooseMatcher.Candidate],
        first: LooseMatcher.Decision? = nil, merged: ([String]) async throws -> Set<String>
    ) async throws -> LooseMatcher.Decision {
        var remaining = candidates
        var known = first
        while true {
            let decision = known ?? matcher.resolve(row.person, recordID: row.personID, candidates: remaining)
            known = nil
            let proposed = decision.proposals.map(\.candidateID)
            guard !proposed.isEmpty else { return decision }
            let gone = try await merged(proposed)
            guard !gone.isEmpty else { return decision }
            remaining.removeAll { gone.contains($0.id) }
        }
    }

    /// Whether `person` holds a customer number of the same touchpoint as, or a loyalty card
    /// other than, one in `keys`.
    private func contradicts(_ keys: [PersonKey], heldBy person: String, on db: any SQLDatabase) async throws -> Bool {
        let scoped = keys.filter { $0.kind == .externalID || $0.kind == .loyaltyCard }
        guard !scoped.isEmpty else { return false }
        let held = try await db.raw(
            """
            SELECT kind, value FROM person_keys WHERE person_id = \(bind: person)
              AND kind IN ('external_id', 'loyalty_card')
            """
        ).all().map { (kind: try $0.text("kind"), value: try $0.text("value")) }
        return scoped.contains { key in
            held.contains { other in
                guard other.kind == key.kind.rawValue, other.value != key.value else { return false }
                guard key.kind == .externalID else { return true }
                return other.value.split(separator: ":").first == key.value.split(separator: ":").first
            }
        }
    }
}

extension IngestionRepository {
    /// The loose decision for `record` from `touchpoint` against the committed people, storing
    /// nothing (benchmarks and previews); `nil` when the record is not usable. Strict keys
    /// are not consulted. Outside any transaction, the model checks and the candidate fetch
    /// read through `Database.read` (on SQLite a direct read-only connection with prepared
    /// statements, on the caller's thread).
    public func looseDecision(for record: IngestRecord, from touchpoint: Touchpoint) async throws
        -> LooseMatcher.Decision?
    {
        guard case .success(let normalised) = record.normalised(for: touchpoint, ids: ids, now: Date()) else {
            return nil
        }
        let row = Self.matchRow(of: normalised, rawID: ids.make())
        let matcher = try await models.matcher()
        let candidates = try await MatchIndex.candidates(
            keys: row.blockingKeys, maxBlockSize: matcher.configuration.maxBlockSize, in: database)
        return try await Self.decide(row, with: matcher, among: candidates) {
            try await MatchIndex.merged(among: $0, in: database)
        }
    }
}
