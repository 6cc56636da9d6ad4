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

    func run() async throws {
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

    private func measure(_ store: Store, logger: Logger) async throws {
        if try await store.isEmpty() {
            let started = Date()
            try await DemoLoader(store: store).load(people: people)
            print(String(format: "load: %d people in %.1f s", people, Date().timeIntervalSince(started)))
        }
        let count = try await store.database.sql.raw("SELECT COUNT(*) AS n FROM people").first()!.decode(column: "n", as: Int.self)
        let sample = try await store.database.sql.raw("SELECT id FROM people ORDER BY RANDOM() LIMIT 2000").all()
            .map { try $0.decode(column: "id", as: String.self) }
        let username = "bench-\(UInt32.random(in: 0...UInt32.max))"
        let user = try await Accounts(store: store, hasher: PasswordHasher(cost: 4))
            .create(username: username, displayName: "Benchmark", role: .analyst, password: Accounts.generatePassword())
        let token = try await store.users.issueToken(for: user, name: "bench", by: .system)
        let app = try await buildApplication(configuration: AppConfiguration(host: "127.0.0.1", port: port), store: store, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let server = Task { try await group.run() }
        try await Task.sleep(for: .seconds(1))
        let ids = sample
        let load = { (headers: [String: String]) in
            HTTPLoad(port: UInt16(port), connections: connections, duration: seconds, headers: headers)
        }
        print("people in database: \(count); \(connections) connections, \(seconds) s per route")
        let health = load([:]).run { _ in "/health" }
        report("/health", health)
        let view = load(["Authorization": "Bearer \(token)"]).run { i in "/api/v1/people/\(ids[i % ids.count])/360" }
        report("/api/v1/people/{id}/360", view)
        print(String(format: "360 throughput / health throughput: %.1f %%", view.perSecond / health.perSecond * 100))
        await group.triggerGracefulShutdown()
        try await server.value
    }

    private func report(_ route: String, _ r: HTTPLoad.Result) {
        print(String(format: "%@: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, failures %d", route, r.requests, r.perSecond, r.p50, r.p99, r.failures))
    }
}
