import RapportCore
import RapportDemo
import Testing

@Suite("Determinism")
struct DeterminismTests {
    private func records(_ configuration: DemoConfiguration) -> [RecordBatch] {
        Array(DemoDataset(configuration).batches())
    }

    private func merged(_ batches: [RecordBatch]) -> RecordBatch {
        var all = RecordBatch()
        for batch in batches {
            all.sources += batch.sources
            all.households += batch.households
            all.users += batch.users
            all.organisations += batch.organisations
            all.people += batch.people
            all.memberships += batch.memberships
            all.contactPoints += batch.contactPoints
            all.rawRecords += batch.rawRecords
            all.purchases += batch.purchases
            all.interactions += batch.interactions
        }
        return all
    }

    @Test func sameSeedGivesIdenticalBatchesIncludingIdentifiers() {
        let configuration = DemoConfiguration(people: 800, seed: 99, batchSize: 300)
        let first = records(configuration)
        let second = records(configuration)
        #expect(first.count == second.count)
        #expect(zip(first, second).allSatisfy { $0.sameRecords(as: $1) })
    }

    @Test func differentSeedGivesDifferentPeopleAndIdentifiers() {
        let a = merged(records(DemoConfiguration(people: 300, seed: 1)))
        let b = merged(records(DemoConfiguration(people: 300, seed: 2)))
        #expect(a.people.map(\.id) != b.people.map(\.id))
        #expect(a.people.map(\.displayName) != b.people.map(\.displayName))
        #expect(Set(a.people.map(\.id)).isDisjoint(with: b.people.map(\.id)))
    }

    @Test func batchSizeOnlyRegroupsTheSameRecords() {
        let small = merged(records(DemoConfiguration(people: 700, seed: 5, batchSize: 90)))
        let large = merged(records(DemoConfiguration(people: 700, seed: 5, batchSize: 5_000)))
        #expect(small.sameRecords(as: large))
    }

    @Test func makesExactlyTheRequestedNumberOfPeopleInBoundedBatches() {
        let batches = records(DemoConfiguration(people: 1_003, seed: 3, batchSize: 200))
        #expect(batches.first?.people.isEmpty == true)
        #expect(batches.reduce(0) { $0 + $1.people.count } == 1_003)
        #expect(batches.dropFirst().allSatisfy { $0.people.count <= 204 && !$0.people.isEmpty })
        #expect(records(DemoConfiguration(people: 0)).count == 1)
    }

    @Test func asyncGenerationDeliversTheSameBatchesInOrder() async throws {
        let configuration = DemoConfiguration(people: 900, seed: 11, batchSize: 100)
        var delivered: [RecordBatch] = []
        try await DemoDataset(configuration).generate { delivered.append($0) }
        let expected = records(configuration)
        #expect(delivered.count == expected.count)
        #expect(zip(delivered, expected).allSatisfy { $0.sameRecords(as: $1) })
    }

    /// The consumer's step runs on every batch, the first included, and its results arrive in
    /// the batches' order although they are prepared in parallel.
    @Test func preparedBatchesArriveInOrder() async throws {
        let configuration = DemoConfiguration(people: 900, seed: 11, batchSize: 100)
        var delivered: [[String]] = []
        try await DemoDataset(configuration).generate(preparing: { $0.people.map(\.id.rawValue) }) { delivered.append($0) }
        #expect(delivered == records(configuration).map { $0.people.map(\.id.rawValue) })
    }
}
