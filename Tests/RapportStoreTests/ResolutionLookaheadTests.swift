import Foundation
import RapportCore
import RapportIdentity
@testable import RapportStore
import RapportTestSupport
import Testing

/// The lookahead of ingestion batches (``ResolutionLookahead``): a batch resolves each record
/// as it would be resolved on its own, although most answers were read before the batch
/// wrote anything. Debug builds (the tests') also read every answer used again in the
/// transaction and fail the batch when they differ.
@Suite("Resolution read ahead of a batch (R1.7)")
struct ResolutionLookaheadTests {
    /// Hard generated people (relatives, namesakes, typos, moves; one to four records each),
    /// in the shape a shop's file has them.
    static func requests(count: Int) throws -> [IngestionRequest] {
        let people = HardPeopleGenerator(seed: 41).generate(count: count)
        return try people.records.map { r in
            let country: String =
                switch r[.country].uppercased().filter(\.isLetter) {
                case "PL", "POL", "POLAND", "POLSKA": "PL"
                case "ID", "IDN", "INDONESIA": "ID"
                default: "US"
                }
            var record = IngestRecord(
                givenName: r[.givenName], familyName: r[.surname], email: r[.email].isEmpty ? nil : r[.email],
                phone: r[.phone].isEmpty ? nil : r[.phone], country: country)
            record.externalID = r[.customerNumber].isEmpty ? nil : r[.customerNumber]
            if !r[.address1].isEmpty {
                record.address = AddressDraft(line1: r[.address1], city: r[.city], postcode: r[.postcode], country: country)
            }
            let payload = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
            return IngestionRequest(payload: payload, parsed: .success(record))
        }
    }

    /// Which records ended with the same person, as sets of record positions, with each
    /// record's outcome and number of reviews: comparable across stores, whose ids differ.
    static func shape(_ results: [IngestionResult]) -> (people: Set<[Int]>, outcomes: [String]) {
        var byPerson: [PersonID: [Int]] = [:]
        for (index, result) in results.enumerated() {
            if let person = result.personID { byPerson[person, default: []].append(index) }
        }
        return (Set(byPerson.values), results.map { "\($0.outcome) \($0.reviewIDs.count)" })
    }

    /// Ingests `requests` in batches of `batchSize`; the writer waits for each answer, so the
    /// tally does not depend on how fast the lookahead got to read.
    func ingest(_ requests: [IngestionRequest], batchSize: Int, into store: Store) async throws
        -> (results: [IngestionResult], tally: BatchStep.Tally)
    {
        let shop = Touchpoint(id: store.ids.make(), name: "shop", kind: .batchFile, trustRank: 3, createdAt: Date())
        try await store.sources.register(shop, by: .system)
        var results: [IngestionResult] = []
        var tally = BatchStep.Tally()
        var start = 0
        while start < requests.count {
            let batch = Array(requests[start..<min(start + batchSize, requests.count)])
            let prepared = store.ingestion.prepare(batch, from: shop)
            let done = try await store.ingestion.ingestTallied(
                prepared: prepared, from: shop, by: .system, waitingForAnswers: true)
            results += done.results
            tally.strictAhead += done.tally.strictAhead
            tally.strictRead += done.tally.strictRead
            tally.looseAhead += done.tally.looseAhead
            tally.looseRead += done.tally.looseRead
            tally.unanswered += done.tally.unanswered
            start += batchSize
        }
        return (results, tally)
    }

    @Test func aBatchResolvesEachRecordAsItWouldAlone() async throws {
        let requests = try Self.requests(count: 600)
        let (alone, batched) = try await withTestStore { one in
            try await withTestStore { many in
                (
                    try await ingest(requests, batchSize: 1, into: one),
                    try await ingest(requests, batchSize: 200, into: many)
                )
            }
        }
        let expected = Self.shape(alone.results)
        let actual = Self.shape(batched.results)
        #expect(actual.outcomes == expected.outcomes)
        #expect(actual.people == expected.people)
        #expect(expected.people.count < requests.count * 9 / 10, "the file holds records of the same people")
        #expect(expected.outcomes.contains { $0.hasSuffix(" 0") == false }, "and pairs for review")
        guard batched.tally != BatchStep.Tally() else { return }  // PostgreSQL reads no answers ahead
        #expect(batched.tally.strictAhead + batched.tally.looseAhead > batched.tally.strictRead + batched.tally.looseRead)
        #expect(batched.tally.looseAhead > 0)
        #expect(batched.tally.strictRead + batched.tally.looseRead > 0, "records the batch's own writes change are read again")
        #expect(alone.tally.strictRead + alone.tally.looseRead == 0, "a batch of one has written nothing before its record")
        #expect(batched.tally.unanswered == 0 && alone.tally.unanswered == 0)
    }
}
