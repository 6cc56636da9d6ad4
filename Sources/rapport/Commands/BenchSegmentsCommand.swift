import ArgumentParser
import Foundation
import RapportCore
import RapportStore

/// `rapport bench segments`: fill an SQLite database with demo people (1 000 000 by
/// default, reusing the data folder when it already holds people), then time how long a
/// dynamic segment of five conditions takes to evaluate (COUNT of its members) on the
/// current data, and the builder's preview (size and value per currency) of the same rule.
struct BenchSegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Load people into SQLite, then time evaluating a five-condition dynamic segment.")

    @Option(help: "People to load (skipped when the data folder already holds people).") var people = 1_000_000
    @Option(help: "Data folder for the benchmark database.") var dataDir = "bench-data"
    @Option(help: "Timed evaluations of each query.") var runs = 5
    @Option(help: "The rule to evaluate (five conditions by default).")
    var rule =
        #"country = "PL" and frequency >= 2 and spend >= 100 and recency_days <= 730 and channel in ("web", "in_person")"#

    func run() async throws {
        try await BenchStore.with(dataDirectory: dataDir, measure)
    }

    private func measure(_ store: Store) async throws {
        if try await store.isEmpty() {
            let started = Date()
            try await DemoLoader(store: store).load(people: people)
            print(String(format: "load: %d people in %.1f s", people, Date().timeIntervalSince(started)))
        }
        let count = try await store.database.sql.raw("SELECT COUNT(*) AS n FROM people").first()!.decode(
            column: "n", as: Int.self)
        let parsed = try SegmentRuleRejection.parse(rule)
        print("people in database: \(count)")
        print("rule (\(parsed.fieldNames.count) conditions): \(parsed.text)")
        var members = 0
        let evaluation = try await time {
            members = try await store.segments.count(parsed, purpose: .contact, by: .system)
        }
        print(
            String(
                format: "evaluate (COUNT): %d members, best %.0f ms, median %.0f ms of %d runs", members,
                evaluation.best, evaluation.median, runs))
        let preview = try await time { _ = try await store.segments.preview(parsed, purpose: .contact, by: .system) }
        print(
            String(
                format: "preview (size and value per currency): best %.0f ms, median %.0f ms", preview.best,
                preview.median))
    }

    private func time(_ body: () async throws -> Void) async throws -> (best: Double, median: Double) {
        try await BenchClock.repeated(runs, body)
    }
}
