import Foundation
import RapportCore

extension IngestionRepository {
    /// Ingests `requests` in one transaction, each with its own outcome, in order. For file
    /// imports and event streams, where a commit per record would cost more than the work;
    /// a bad record is quarantined like anywhere else and does not affect the others. Only a
    /// database failure undoes the transaction (and is thrown).
    public func ingest(transaction requests: [IngestionRequest], from touchpoint: Touchpoint, by actor: Actor) async throws
        -> [IngestionResult]
    {
        try await ingest(prepared: prepare(requests, from: touchpoint), from: touchpoint, by: actor)
    }

    /// Normalises `requests` (no database work): the part of ingestion a caller may do ahead,
    /// while an earlier batch is being written.
    func prepare(_ requests: [IngestionRequest], from touchpoint: Touchpoint) -> [PreparedRecord] {
        let now = Date()
        return requests.map { PreparedRecord($0, from: touchpoint, parent: nil, ids: ids, now: now) }
    }

    /// ``ingest(transaction:from:by:)`` of records already prepared. On SQLite the
    /// transaction runs on the direct writer connection (``Database/writeTransaction(attempts:_:)``).
    ///
    /// On PostgreSQL a record's key locks (``PersonKeyIndex/lock(_:kind:on:)``) are held until
    /// the batch commits, so two batches that took the same keys record by record, in different
    /// orders, would wait for each other. So the batch takes all its records' key locks first,
    /// in one fixed order; and should PostgreSQL still undo it to break a deadlock (two batches
    /// updating the same people through different keys), it runs again.
    ///
    /// On SQLite a ``ResolutionLookahead`` resolves the records against the committed people
    /// on the other core while the writer works.
    func ingest(prepared records: [PreparedRecord], from touchpoint: Touchpoint, by actor: Actor) async throws
        -> [IngestionResult]
    {
        try await ingestTallied(prepared: records, from: touchpoint, by: actor).results
    }

    /// ``ingest(prepared:from:by:)`` with the tally of its lookahead: how many resolutions
    /// came from it, and how many the writer read again (all zero on PostgreSQL).
    /// `waitingForAnswers`: the writer waits for each record's answer instead of resolving it
    /// itself when the answer is not there yet, so that a test's tally does not depend on timing.
    func ingestTallied(
        prepared records: [PreparedRecord], from touchpoint: Touchpoint, by actor: Actor, waitingForAnswers: Bool = false
    ) async throws -> (results: [IngestionResult], tally: BatchStep.Tally) {
        let keys = records.flatMap { record -> [PersonKey] in
            guard case .success(let normalised) = record.outcome else { return [] }
            return normalised.record.keys
        }
        return try await database.writeTransaction(attempts: 3) { db in
            try await PersonKeyIndex.lock(keys, kind: database.kind, on: db)
            var step = BatchStep()
            let matcher = try await models.matcher(on: db)
            step.matcher = matcher
            let lookahead = ResolutionLookahead.start(for: records, matcher: matcher, in: database)
            defer { lookahead?.stop() }
            var results: [IngestionResult] = []
            results.reserveCapacity(records.count)
            var arrivals: [PersonID: HouseholdPlacement.Arrival] = [:]
            for (index, record) in records.enumerated() {
                if waitingForAnswers { await lookahead?.answered(index) }
                step.ahead = lookahead?.take(index)
                if lookahead != nil, step.ahead == nil, case .success = record.outcome { step.tally.unanswered += 1 }
                step.arrival = nil
                let result = try await ingest(record, from: touchpoint, by: actor, keysLocked: true, step: &step, on: db)
                if let arrival = step.arrival { arrivals[arrival.person.id] = arrival }
                // A later record of the batch that matched someone created earlier in it may have
                // changed them (contact points, survivorship): placement reads those back.
                if result.outcome == .matched, let person = result.personID { arrivals[person] = nil }
                results.append(result)
            }
            try await placeNewPeople(results, known: arrivals, settling: step.settling, by: actor, on: db)
            return (results, step.tally)
        }
    }
}
