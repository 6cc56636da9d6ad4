import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportDemo
import RapportStore

/// `rapport demo`: load the seeded demo data set into an empty database.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Load the deterministic demo data set (US, Poland, Indonesia) into an empty database.")

    @OptionGroup var store: StoreOptions
    @Option(help: "How many people (up to millions).") var people = 10_000
    @Option(help: "Seed: the same seed gives the same data.") var seed: UInt64 = 2026
    @Flag(help: "Load even if the database already holds people.") var force = false

    func run() async throws {
        try await store.withStore { store in
            let empty = try await store.isEmpty()
            guard force || empty else {
                throw ValidationError("The database already holds people; pass --force to add the demo data anyway.")
            }
            try await DemoLoader(store: store).load(people: people, seed: seed)
        }
    }
}

/// Streams the demo batches into the store with a progress bar.
struct DemoLoader {
    let store: Store

    /// Loads the data set, then fits the value models; returns the seconds the load took
    /// (records and indexes, without the fit).
    @discardableResult
    func load(people: Int, seed: UInt64 = 2026) async throws -> TimeInterval {
        let dataset = DemoDataset(DemoConfiguration(people: people, seed: seed))
        let loader = BulkLoader(store: store)
        var queue = BulkLoadQueue(store: store)
        let progress = ProgressBar(total: people, label: "demo people")
        let started = Date()
        var records = 0
        // Batches are generated and turned into rows ahead, one per core, while this task
        // writes them in order; into an empty store the secondary indexes are built once at
        // the end.
        let write = {
            do {
                try await dataset.generate(preparing: { try await loader.prepare($0, by: .system) }) { batch in
                    try await queue.write(batch)
                    records += batch.records
                    progress.advance(by: batch.people)
                }
            } catch {
                try? await queue.finish()
                throw error
            }
            try await queue.finish()
            progress.finish()
            print(String(format: "Wrote %d records in %.1f s.", records, Date().timeIntervalSince(started)))
        }
        if try await store.isEmpty() {
            try await loader.withDeferredIndexes(write)
        } else {
            try await write()
        }
        let loaded = Date().timeIntervalSince(started)
        print(String(format: "Loaded %d records, indexes included, in %.1f s.", records, loaded))
        print("Fitting the customer-value models…")
        let fitting = Date()
        RefitReport.print(try await ValueRefit(store: store).run())
        print(String(format: "Fitted the customer-value models in %.1f s.", Date().timeIntervalSince(fitting)))
        try await DemoPlaybook.install(on: store)
        return loaded
    }
}
