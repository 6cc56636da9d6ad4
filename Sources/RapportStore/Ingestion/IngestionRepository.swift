import Foundation
import RapportCore
import SQLKit

/// Ingestion (R1.2, R1.4, R1.7 strict): each record, in one transaction of its own, is
/// kept raw, then normalised and resolved to a person — an existing one found by a
/// deterministic key, by loose (probabilistic) matching, or a new one, with grey-zone
/// candidates queued for clerical review — or, when it cannot be used, put in quarantine with
/// the reasons. Nothing received is dropped: the raw record is written first and stays
/// whatever the outcome. People created or changed are audited in the same transaction,
/// which also writes the webhook event (`person.created`, `person.updated` or
/// `quarantine.created`), puts people it created into households (``HouseholdPlacement``),
/// and settles known people it gave contact points who were alone in theirs.
public struct IngestionRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator
    let outbox: EventOutbox
    /// The match model of loose matching (see `IngestionRepository+Loose`).
    let models: MatchModelRepository

    /// Ingests one record from `touchpoint`.
    public func ingest(_ request: IngestionRequest, from touchpoint: Touchpoint, by actor: Actor) async throws -> IngestionResult {
        try await database.transaction { db in
            try await ingestPlaced(request, from: touchpoint, parent: nil, by: actor, on: db)
        }
    }

    /// Puts the people `results` created into households (``HouseholdPlacement``), once for a
    /// whole batch so that relatives arriving in one file find each other. `known`: those of
    /// them as they were written, unchanged since.
    ///
    /// `settling`: known people the batch gave new contact points. Those alone in their
    /// household join the household the new points link them to, as when staff add a contact
    /// point (``HouseholdPlacement/Mode/settlingAlone``): a customer first known by an e-mail
    /// alone joins their family once a later record brings their address. Anyone sharing a
    /// household is left where they are, for the next rebuild.
    func placeNewPeople(
        _ results: [IngestionResult], known: [PersonID: HouseholdPlacement.Arrival] = [:], settling: Set<PersonID> = [],
        by actor: Actor, on db: any SQLDatabase
    ) async throws {
        let created = results.compactMap { $0.outcome == .created ? $0.personID : nil }
        let settlers = settling.subtracting(created).sorted { $0.rawValue < $1.rawValue }
        try await HouseholdPlacement(audit: audit, ids: ids).place(
            created + settlers, known: known, mode: settlers.isEmpty ? .unplacedOnly : .settlingAlone, cause: "ingestion",
            by: actor, on: db)
    }

    /// Ingests each record in a transaction of its own, so one bad record never affects
    /// the others. Results are in the order of `requests`.
    public func ingest(batch requests: [IngestionRequest], from touchpoint: Touchpoint, by actor: Actor) async throws
        -> [IngestionResult]
    {
        var results: [IngestionResult] = []
        results.reserveCapacity(requests.count)
        for request in requests {
            results.append(try await ingest(request, from: touchpoint, by: actor))
        }
        return results
    }

    /// The steps of one record on `db`, inside the caller's transaction, household placement
    /// included. `parent` is the raw record a corrected one replaces (a quarantine replay).
    ///
    /// The raw record is written once, with its outcome, as soon as the outcome is known and
    /// before anything that refers to it (a quarantine item, a review, the golden profile's
    /// observations); an INSERT then an UPDATE would cost a statement more per record. It is
    /// still never lost: any failure after it undoes the whole transaction, raw record included.
    func ingestPlaced(
        _ request: IngestionRequest, from touchpoint: Touchpoint, parent: RawRecordID?, by actor: Actor, on db: any SQLDatabase
    ) async throws -> IngestionResult {
        var step = BatchStep()
        let prepared = PreparedRecord(request, from: touchpoint, parent: parent, ids: ids)
        let result = try await ingest(prepared, from: touchpoint, by: actor, keysLocked: false, step: &step, on: db)
        try await placeNewPeople([result], settling: step.settling, by: actor, on: db)
        return result
    }

    /// The steps of one ``PreparedRecord`` on `db`, inside the caller's transaction, as one
    /// step of a batch (`step`): with the answer read ahead for the record, if any, and what
    /// the batch wrote before it. The step notes what this record writes, and hands out the
    /// person it created, as written, or the known person it gave contact points.
    /// `keysLocked`: the caller already holds the record's key locks (a batch takes them all first).
    func ingest(
        _ prepared: PreparedRecord, from touchpoint: Touchpoint, by actor: Actor, keysLocked: Bool,
        step: inout BatchStep, on db: any SQLDatabase
    ) async throws -> IngestionResult {
        let now = prepared.receivedAt
        let raw = prepared.raw
        let record: NormalisedRecord
        let matchRow: PersonMatchRow
        switch prepared.outcome {
        case .success(let normalised):
            record = normalised.record
            matchRow = normalised.matchRow
        case .failure(let error):
            var issues = [FieldIssue(field: "body", code: error.code, message: error.message)]
            if case .invalid(let list) = error { issues = list }
            return try await quarantine(raw, touchpoint: touchpoint, issues: issues, now: now, on: db)
        }
        let rawID = raw.id
        var result: IngestionResult
        /// Whether a matched person got new contact points, which their matching row must show.
        var added = false
        if !keysLocked { try await PersonKeyIndex.lock(record.keys, kind: database.kind, on: db) }
        let strict = try await step.strict(record.keys, on: db)
        let loose =
            strict == nil
            ? try await looseDecision(
                for: matchRow, keys: record.keys, matcher: step.matcher, ahead: step.loose(matchRow, on: db), on: db)
            : .new
        if let found = strict {
            added = try await addNewContactPoints(
                of: record, to: found.personID, rawID: rawID, touchpoint: touchpoint, by: actor, step: &step, on: db)
            try await PersonKeyIndex.claim(record.keys, for: found.personID, source: touchpoint.id, now: now, on: db)
            step.writes.claimed(record.keys)
            result = IngestionResult(rawRecordID: rawID, outcome: .matched, personID: found.personID, matchReason: found.reason)
            try await raw.insert(result, on: db)
        } else if case .match(let proposal) = loose {
            let personID = PersonID(rawValue: proposal.candidateID)
            added = try await addNewContactPoints(
                of: record, to: personID, rawID: rawID, touchpoint: touchpoint, by: actor, step: &step, on: db)
            try await PersonKeyIndex.claim(record.keys, for: personID, source: touchpoint.id, now: now, on: db)
            step.writes.claimed(record.keys)
            result = IngestionResult(
                rawRecordID: rawID, outcome: .matched, personID: personID,
                matchReason: "loose: " + proposal.explanation.summary)
            try await raw.insert(result, on: db)
        } else if let person = record.newPerson(id: ids.make(), now: now) {
            try await PersonRepository.insert(person, on: db)
            let contactPoints = record.contactPoints(ofNewPerson: person.id)
            if try await ContactPointRepository.addAll(contactPoints, ofNewPerson: true, on: db) {
                step.arrival = HouseholdPlacement.Arrival(person: person, contactPoints: contactPoints)
            }
            step.writes.added(contactPoints)
            try await PersonKeyIndex.claim(record.keys, for: person.id, source: touchpoint.id, now: now, on: db)
            step.writes.claimed(record.keys)
            try await MatchIndex.write(matchRow.owned(by: person.id), on: db)
            step.writes.rewrote(matchRow.blockingKeys)
            try await audit.record(
                .create, entityType: "person", entityID: person.id.rawValue,
                detail: "ingested \(rawID) from touchpoint \(touchpoint.name)", by: actor, on: db)
            try await outbox.record(.personCreated, entityID: person.id.rawValue, on: db)
            let keys = record.keys.map(\.field).joined(separator: ", ")
            result = IngestionResult(
                rawRecordID: rawID, outcome: .created, personID: person.id,
                matchReason: keys.isEmpty ? "no keys to match on: new person" : "no person matched on \(keys): new person")
            if case .review(let proposals) = loose {
                result.matchReason =
                    (result.matchReason ?? "") + "; \(proposals.count) possible match(es) queued for review"
                    + " (best p=\(proposals[0].explanation.probability))"
                try await raw.insert(result, on: db)
                result.reviewIDs = try await MatchReviewQueue.queue(
                    proposals, for: person.id, rawID: rawID, origin: "ingestion", ids: ids, audit: audit, by: actor,
                    on: db)
            } else {
                try await raw.insert(result, on: db)
            }
        } else {
            let issue = FieldIssue(
                field: "familyName", code: "required",
                message: "No person matched this record's keys, and a new person needs a name (givenName or familyName).")
            return try await quarantine(raw, touchpoint: touchpoint, issues: [issue], now: now, on: db)
        }
        if result.outcome == .matched, let person = result.personID {
            let change = try await GoldenProfiles(audit: audit, outbox: outbox)
                .refresh(person, cause: "ingested \(rawID)", by: actor, on: db)
            step.writes.rewrote(change.rewrittenBlocks)
            if added {
                if !change.matchRowRefreshed { step.writes.rewrote(try await MatchIndex.refresh(person, on: db)) }
                step.settling.insert(person)
            }
        }
        return result
    }

    /// Adds the record's e-mails, phones and addresses the person does not have yet; audits
    /// the change when there is one.
    @discardableResult
    private func addNewContactPoints(
        of record: NormalisedRecord, to person: PersonID, rawID: RawRecordID, touchpoint: Touchpoint, by actor: Actor,
        step: inout BatchStep, on db: any SQLDatabase
    ) async throws -> Bool {
        let existing = Set(
            try await db.rows(
                "SELECT kind, normalized FROM contact_points WHERE person_id = ? AND valid_to IS NULL", [.text(person.rawValue)]
            ).map { "\(try $0.text("kind"))|\(try $0.text("normalized"))" })
        let added = record.contactPoints(of: person).filter { !existing.contains("\($0.kind.rawValue)|\($0.normalized)") }
        guard !added.isEmpty else { return false }
        try await ContactPointRepository.addAll(added, ofNewPerson: false, on: db)
        step.writes.added(added)
        try await audit.record(
            .update, entityType: "person", entityID: person.rawValue,
            detail: "ingested \(rawID) from touchpoint \(touchpoint.name): added " + added.map(\.kind.rawValue).joined(separator: ", "),
            by: actor, on: db)
        try await outbox.record(.personUpdated, entityID: person.rawValue, on: db)
        return true
    }

    private func quarantine(_ raw: RawRecordRow, touchpoint: Touchpoint, issues: [FieldIssue], now: Date, on db: any SQLDatabase)
        async throws -> IngestionResult
    {
        let id: QuarantineID = ids.make()
        let result = IngestionResult(rawRecordID: raw.id, outcome: .quarantined, quarantineID: id, reasons: issues)
        try await raw.insert(result, on: db)
        try await QuarantineRepository.insert(id: id, rawID: raw.id, source: touchpoint.id, reasons: issues, now: now, on: db)
        try await outbox.record(.quarantineCreated, entityID: id.rawValue, on: db)
        return result
    }
}
