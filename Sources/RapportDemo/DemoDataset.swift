import Foundation
import RapportCore

/// The demo data set: a seeded, deterministic population of people in the US, Poland and
/// Indonesia with households, organisations, purchases, returns and interactions, delivered
/// in ``RecordBatch``es for the store's bulk loader.
///
/// ```swift
/// let dataset = DemoDataset(DemoConfiguration(people: 100_000, seed: 7))
/// try await dataset.generate { batch in try await loader.load(batch, by: .system) }
/// ```
///
/// The first batch carries the records everything else refers to — sources (touchpoints),
/// staff users, organisations with their contact points and orders — and no people; every
/// later batch carries whole households of about `batchSize` people with everything that
/// belongs to them. A record only refers to records of its own or an earlier batch.
/// Memory stays bounded by a few batches (one per processor being made, one being
/// consumed) however many people are asked for.
public struct DemoDataset: Sendable {
    public let configuration: DemoConfiguration

    public init(_ configuration: DemoConfiguration = DemoConfiguration()) {
        self.configuration = configuration
    }

    /// The batches, made one by one as the sequence is iterated.
    public func batches() -> DemoBatches {
        DemoBatches(configuration: configuration)
    }

    /// Hands every batch to `sink` in order. Batches are made ahead on as many tasks as
    /// there are processors while `sink` works, so generation overlaps with loading and
    /// uses every core; at most that many batches wait in memory.
    public func generate(into sink: (RecordBatch) async throws -> Void) async throws {
        try await generate(preparing: { $0 }, into: sink)
    }

    /// ``generate(into:)`` with a step of the consumer's own, `prepare`, run on each batch in
    /// the task that made it: a loader turns batches into rows there, in parallel, so that its
    /// `sink` — which must take them in order — only writes. The first batch (the records
    /// everything refers to) is prepared before any other is made. One batch more than there
    /// are processors is under way, so that a finished batch waiting for the writer does not
    /// leave a core idle.
    public func generate<Prepared: Sendable>(
        preparing prepare: @escaping @Sendable (RecordBatch) async throws -> Prepared,
        into sink: (Prepared) async throws -> Void
    ) async throws {
        let factory = HouseholdFactory(reference: DemoReference(configuration))
        var plans = BatchPlanner(factory: factory).makeIterator()
        var inFlight: [Task<Prepared, any Error>] = []
        defer { for task in inFlight { task.cancel() } }
        try await sink(try await prepare(factory.reference.batch))
        while true {
            while inFlight.count < Self.lanes + 1, let plan = plans.next() {
                inFlight.append(Task { try await prepare(plan.make(with: factory)) })
            }
            guard !inFlight.isEmpty else { return }
            try await sink(try await inFlight.removeFirst().value)
        }
    }

    /// How many batches are made at once: one per processor, at least two.
    private static var lanes: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }
}

/// The demo data set's batches as a lazy sequence; see ``DemoDataset``.
public struct DemoBatches: Sequence, Sendable {
    let configuration: DemoConfiguration

    public func makeIterator() -> Iterator {
        Iterator(factory: HouseholdFactory(reference: DemoReference(configuration)))
    }

    public struct Iterator: IteratorProtocol {
        private let factory: HouseholdFactory
        private var plans: BatchPlanner.Iterator
        private var referenceDelivered = false

        init(factory: HouseholdFactory) {
            self.factory = factory
            plans = BatchPlanner(factory: factory).makeIterator()
        }

        public mutating func next() -> RecordBatch? {
            if !referenceDelivered {
                referenceDelivered = true
                return factory.reference.batch
            }
            return plans.next()?.make(with: factory)
        }
    }
}

/// Which households go into which batch: whole households until the batch holds at least
/// `batchSize` people, the last household cut so the total is exactly `people`.
struct BatchPlanner: Sequence {
    let factory: HouseholdFactory

    struct Plan: Sendable {
        let households: Range<Int>
        /// People still to make when the batch starts.
        let remaining: Int

        func make(with factory: HouseholdFactory) -> RecordBatch {
            var batch = RecordBatch()
            var left = remaining
            for index in households where left > 0 {
                left -= factory.make(index, limit: left, into: &batch)
            }
            return batch
        }
    }

    func makeIterator() -> Iterator {
        Iterator(factory: factory, remaining: factory.reference.configuration.people)
    }

    struct Iterator: IteratorProtocol {
        let factory: HouseholdFactory
        var remaining: Int
        var nextHousehold = 0

        mutating func next() -> Plan? {
            guard remaining > 0 else { return nil }
            let start = nextHousehold
            var people = 0
            let target = Swift.min(remaining, factory.reference.configuration.batchSize)
            while people < target {
                people += factory.plannedSize(nextHousehold)
                nextHousehold += 1
            }
            defer { remaining -= Swift.min(people, remaining) }
            return Plan(households: start..<nextHousehold, remaining: remaining)
        }
    }
}
