import Foundation
import Logging
import RapportCore
import SQLKit

/// Brings a database up to the newest schema, one migration per transaction, recording
/// each in `rapport_migrations`. Safe to run at every start and from several processes:
/// PostgreSQL takes an advisory lock, SQLite's `BEGIN IMMEDIATE` serialises writers.
public struct Migrator: Sendable {
    let database: Database
    let migrations: [Migration]
    let logger: Logger

    public init(database: Database, migrations: [Migration] = Migration.all, logger: Logger) {
        self.database = database
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies what is missing; returns the versions applied now.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await database.sql.raw(
            "CREATE TABLE IF NOT EXISTS rapport_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        ).run()
        let known = migrations.map(\.version).max() ?? 0
        let current = try await currentVersion()
        if current > known { throw DatabaseError.newerSchema(found: current, known: known) }
        // Every migration not yet recorded, not only those above the highest: branches
        // number migrations in parallel (005 may arrive after 006 was applied).
        let recorded = Set(
            try await database.sql.raw("SELECT version FROM rapport_migrations").all().map { try $0.decode(column: "version", as: Int.self) })
        var applied: [Int] = []
        for migration in migrations where !recorded.contains(migration.version) {
            try await apply(migration)
            applied.append(migration.version)
            logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
        }
        return applied
    }

    /// The highest applied version, 0 for an empty database.
    public func currentVersion() async throws -> Int {
        let row = try await database.sql.raw("SELECT MAX(version) AS v FROM rapport_migrations").first()
        return try row?.decodeNil(column: "v") == false ? try row!.decode(column: "v", as: Int.self) : 0
    }

    private func apply(_ migration: Migration) async throws {
        let kind = database.kind
        do {
            try await database.transaction { db in
                if kind == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7264101)").run() }
                let done = try await db.raw("SELECT version FROM rapport_migrations WHERE version = \(bind: migration.version)").first()
                guard done == nil else { return }
                for statement in migration.statements(kind) {
                    try await db.raw("\(unsafeRaw: statement)").run()
                }
                try await db.raw(
                    "INSERT INTO rapport_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.now()))"
                ).run()
            }
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw DatabaseError.migrationFailed(version: migration.version, name: migration.name, reason: String(describing: error))
        }
    }
}
