import RapportCore

extension IngestionRepository {
    /// Ingests `requests` in one transaction, each with its own outcome, in order. For file
    /// imports and event streams, where a commit per record would cost more than the work;
    /// a bad record is quarantined like anywhere else and does not affect the others. Only a
    /// database failure undoes the transaction (and is thrown).
    public func ingest(transaction requests: [IngestionRequest], from touchpoint: Touchpoint, by actor: Actor) async throws
        -> [IngestionResult]
    {
        try await database.writeTransaction { db in
            var results: [IngestionResult] = []
            results.reserveCapacity(requests.count)
            for request in requests {
                results.append(try await ingest(request, from: touchpoint, parent: nil, by: actor, on: db))
            }
            return results
        }
    }
}
