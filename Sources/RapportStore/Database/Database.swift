import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// An open database: a connection pool behind SQLKit's `SQLDatabase`, with transactions.
///
/// Every write in Rapport goes through ``transaction(_:)``, so a failed request leaves
/// nothing half-written.
public final class Database: Sendable {
    public enum Kind: String, Sendable { case sqlite, postgres }

    public let kind: Kind
    public let location: DatabaseLocation
    /// Pooled access for single statements (reads, and writes that are one statement).
    public let sql: any SQLDatabase
    /// Direct read-only connections for the hot read paths (SQLite only); see ``read(_:_:)``.
    let reader: SQLiteReadPool?
    /// The direct read-write connection for batched writes (SQLite only); see ``directTransaction(_:)``.
    let writer: SQLiteWriter?
    /// SQLite write transactions of this process queue here; see ``WriteGate``.
    let writeGate = WriteGate()
    private let close: @Sendable () async throws -> Void

    private init(
        kind: Kind, location: DatabaseLocation, sql: any SQLDatabase, reader: SQLiteReadPool? = nil,
        writer: SQLiteWriter? = nil, close: @escaping @Sendable () async throws -> Void
    ) {
        self.writer = writer
        self.kind = kind
        self.location = location
        self.sql = sql
        self.reader = reader
        self.close = close
    }

    /// Opens a pool. SQLite files (and their folder) are created when missing.
    public static func open(_ location: DatabaseLocation, logger: Logger, connections: Int = 4) async throws -> Database {
        let group = MultiThreadedEventLoopGroup.singleton
        switch location {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw DatabaseError.cannotCreateDirectory(folder, reason: error.localizedDescription)
            }
            let pool = EventLoopGroupConnectionPool(
                source: SQLitePragmaSource(path: path), maxConnectionsPerEventLoop: connections,
                requestTimeout: .seconds(30), pruneInterval: nil, logger: logger, on: group)
            let box = ThreadSafePool(value: pool)
            let sql = PooledSQLiteDatabase(pool: box, logger: logger).sql(queryLogLevel: .trace)
            let reader = SQLiteReadPool(path: path)
            let writer = SQLiteWriter(path: path)
            let database = Database(kind: .sqlite, location: location, sql: sql, reader: reader, writer: writer) {
                reader.close()
                await writer.close()
                try await box.value.shutdownAsync()
            }
            try await sql.raw("SELECT 1").run()
            return database
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: connections,
                requestTimeout: .seconds(30), pruneInterval: nil, logger: logger, on: group)
            let box = ThreadSafePool(value: pool)
            let sql = box.value.database(logger: logger).sql(queryLogLevel: .trace)
            let database = Database(kind: .postgres, location: location, sql: sql) { try await box.value.shutdownAsync() }
            try await sql.raw("SELECT 1").run()
            return database
        }
    }

    /// Runs `body` on one connection inside a transaction: committed if it returns,
    /// rolled back if it throws. On SQLite, transactions of this process take turns at the
    /// ``WriteGate`` and then the write lock at once (`BEGIN IMMEDIATE`), so writers queue
    /// instead of failing half-way.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard kind == .sqlite else { return try await sessionTransaction(begin: "BEGIN", body) }
        return try await writeGate.run { try await self.sessionTransaction(begin: "BEGIN IMMEDIATE", body) }
    }

    /// ``transaction(_:)``, run again — up to `attempts` times in all — when PostgreSQL undoes
    /// it to break a deadlock or a serialization conflict (SQLSTATE 40P01 or 40001): the other
    /// transaction went ahead, and this one, rolled back whole, can simply start over. Only for
    /// bodies whose every effect is inside the transaction (such as an ingestion batch).
    public func transaction<T: Sendable>(
        attempts: Int, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await transaction(body)
            } catch let error as PSQLError where attempt < attempts && Self.isConflict(error) {
                attempt += 1
                sql.logger.notice("transaction undone by PostgreSQL (\(error.serverInfo?[.message] ?? "")); attempt \(attempt)")
            }
        }
    }

    /// Whether PostgreSQL rolled a transaction back to let another one finish.
    static func isConflict(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }

    private func sessionTransaction<T: Sendable>(
        begin: SQLQueryString, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await sql.withSession { session in
            try await session.raw(begin).run()
            do {
                let result = try await body(session)
                try await session.raw("COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// True if the database answers a trivial query.
    public func isReachable() async -> Bool {
        (try? await sql.raw("SELECT 1").run()) != nil
    }

    /// Closes every pooled connection.
    public func shutdown() async {
        try? await close()
    }
}
