import Foundation
import Logging
import RapportCore
import RapportDemo
import RapportStore

/// A fresh, migrated store for one test: a new SQLite file by default, or — when
/// `RAPPORT_TEST_POSTGRES_URL` is set — a new schema on that PostgreSQL server, so the
/// same tests prove both backends. Always call ``close()`` (use ``withTestStore(_:)``).
public struct TestStore: Sendable {
    public let store: Store
    private let cleanup: @Sendable () async -> Void

    public static var backend: String {
        ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES_URL"].map { _ in "postgres" } ?? "sqlite"
    }

    public static func make() async throws -> TestStore {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        if let url = ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES_URL"], !url.isEmpty {
            let schema = "t_\(suffix)"
            let admin = try await Database.open(.postgres(url: url), logger: logger, connections: 1)
            let store: Store
            do {
                try await admin.sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
                // Two connections per event loop: the suite runs many tests at once, each with
                // its own store, and all of them share one server's connection limit.
                store = try await Store.open(.postgres(url: url, schema: schema), logger: logger, connections: 2)
            } catch {
                await admin.shutdown()
                throw error
            }
            return TestStore(store: store) {
                await store.close()
                try? await admin.sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
                await admin.shutdown()
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-test-\(suffix)")
        let store = try await Store.open(.dataDirectory(folder.path), logger: logger)
        return TestStore(store: store) {
            await store.close()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    public func close() async { await cleanup() }

    /// Loads a small deterministic demo population.
    public func loadDemo(people: Int = 200) async throws {
        let loader = BulkLoader(store: store)
        for batch in DemoDataset(DemoConfiguration(people: people, seed: 7)).batches() {
            try await loader.load(batch, by: .system)
        }
    }
}

/// Runs `body` with a fresh store and always closes it.
public func withTestStore<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
    let test = try await TestStore.make()
    do {
        let result = try await body(test.store)
        await test.close()
        return result
    } catch {
        await test.close()
        throw error
    }
}

/// A store pre-filled with `people` demo people.
public func withDemoStore<T: Sendable>(people: Int = 200, _ body: (Store) async throws -> T) async throws -> T {
    let test = try await TestStore.make()
    do {
        try await test.loadDemo(people: people)
        let result = try await body(test.store)
        await test.close()
        return result
    } catch {
        await test.close()
        throw error
    }
}

/// Actors for tests.
public enum TestActors {
    public static let admin = Actor(userID: nil, name: "test-admin", role: .administrator)
    /// A partner agent with no people assigned: sees nobody.
    public static let partnerAgent = Actor(userID: UserID(rawValue: "usr_test_partner"), name: "test-partner", role: .partnerAgent)
}

extension Store {
    /// Subscribes a receiver that never answers to `events`, so that they are written to the
    /// outbox (an event no active subscription wants is not written at all).
    @discardableResult
    public func subscribeTestReceiver(to events: [String]) async throws -> WebhookSubscription {
        let draft = WebhookDraft(url: "http://127.0.0.1:9/hook", events: events)
        return try await webhooks.create(
            try draft.validated(id: ids.make(), by: TestActors.admin, now: Date()), by: TestActors.admin
        ).subscription
    }
}
