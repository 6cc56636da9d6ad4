import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RapportApp
import RapportCore
import RapportStore
import ServiceLifecycle

/// `rapport bench http`: fill an SQLite database with demo people (1 000 000 by default),
/// then measure customer-360 reads over HTTP and, in the same run, `/health` as the ceiling.
struct BenchHTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http", abstract: "Load people into SQLite, then measure customer-360 reads over HTTP against /health.")

    @Option(help: "People to load (skipped when the data folder already holds people).") var people = 1_000_000
    @Option(help: "Data folder for the benchmark database.") var dataDir = "bench-data"
    @Option(help: "Concurrent keep-alive connections.") var connections = 50
    @Option(help: "Seconds per measured route.") var seconds = 10.0
    @Option(help: "Port on 127.0.0.1.") var port = 18099
    @Option(help: "People sampled for first reads (more than one run can read).") var coldSample = 400_000
    @Option(help: "People read again and again for the repeat-read figure.") var hotPeople = 2_000
    @Option(help: "Routes to measure, comma-separated: health, first, repeat (all by default; fewer for profiling).")
    var routes = "health,first,repeat"

    func run() async throws {
        LogFormat.bootstrap(json: false)
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let store = try await Store.open(.dataDirectory(dataDir), logger: logger)
        do {
            try await measure(store, logger: logger)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    /// The figures of one run, each route measured with the same load generator.
    struct Report {
        let peopleInDatabase: Int
        let health: HTTPLoad.Result
        let firstReads: HTTPLoad.Result
        let repeatReads: HTTPLoad.Result
    }

    @discardableResult
    func measure(_ store: Store, logger: Logger) async throws -> Report {
        if try await store.isEmpty() {
            let started = Date()
            let loaded = try await DemoLoader(store: store).load(people: people)
            print(String(format: "load: %d people in %.1f s (then the value-model fit: %.1f s)", people, loaded,
                         Date().timeIntervalSince(started) - loaded))
        }
        let count = try await store.database.sql.raw("SELECT COUNT(*) AS n FROM people").first()!.decode(column: "n", as: Int.self)
        // Two samples: people read once each (the 360 is built from the tables), and a
        // small set read again and again (the cached document is served while its stamp holds).
        let cold = try await store.database.sql.raw("SELECT id FROM people ORDER BY RANDOM() LIMIT \(unsafeRaw: String(coldSample))").all()
            .map { try $0.decode(column: "id", as: String.self) }
        let warm = Array(cold.suffix(hotPeople))
        let username = "bench-\(UInt32.random(in: 0...UInt32.max))"
        let user = try await Accounts(store: store, hasher: PasswordHasher(cost: 4))
            .create(username: username, displayName: "Benchmark", role: .analyst, password: Accounts.generatePassword())
        let token = try await store.users.issueToken(for: user, name: "bench", by: .system)
        // The repeat-read set is read once just before its run, so that its documents are
        // cached then: the first-read run before it stores more documents than the cache holds.
        let warmUp = {
            for id in warm {
                _ = try await store.customers.document(of: PersonID(rawValue: id), by: Actor(user)) { try StreamingJSONEncoder.encode($0) }
            }
        }
        let app = try await buildApplication(configuration: AppConfiguration(host: "127.0.0.1", port: port), store: store, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let server = Task { try await group.run() }
        try await Task.sleep(for: .seconds(1))
        let load = { (headers: [String: String]) in
            HTTPLoad(port: UInt16(port), connections: connections, duration: seconds, headers: headers)
        }
        let bearer = ["Authorization": "Bearer \(token)"]
        print("people in database: \(count); \(connections) connections, \(seconds) s per route")
        let chosen = Set(routes.split(separator: ",").map { $0.trimmingSpaces() })
        let skipped = HTTPLoad.Result(requests: 0, failures: 0, seconds: 1, p50: .nan, p99: .nan)
        let health = chosen.contains("health") ? await load([:]).run { _ in "/health" } : skipped
        report("/health", health)
        // Each connection starts 7 919 places further into the list, so no person is read twice.
        let first =
            chosen.contains("first") ? await load(bearer).run { i in "/api/v1/people/\(cold[i % (cold.count - warm.count)])/360" } : skipped
        report("/api/v1/people/{id}/360, first read of each person", first)
        if chosen.contains("repeat") { try await warmUp() }
        let repeated = chosen.contains("repeat") ? await load(bearer).run { i in "/api/v1/people/\(warm[i % warm.count])/360" } : skipped
        report("/api/v1/people/{id}/360, repeat reads of \(warm.count) people", repeated)
        print(String(format: "throughput / health: first reads %.1f %%, repeat reads %.1f %%",
                     first.perSecond / health.perSecond * 100, repeated.perSecond / health.perSecond * 100))
        await group.triggerGracefulShutdown()
        try await server.value
        return Report(peopleInDatabase: count, health: health, firstReads: first, repeatReads: repeated)
    }

    private func report(_ route: String, _ r: HTTPLoad.Result) {
        print(String(format: "%@: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, failures %d", route, r.requests, r.perSecond, r.p50, r.p99, r.failures))
    }
}
