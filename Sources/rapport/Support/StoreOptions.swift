import ArgumentParser
import Foundation
import Logging
import RapportStore

/// Where the data lives: `--data-dir` (SQLite file inside it) or `--database-url`
/// (PostgreSQL or an SQLite path). Both also read the environment, so a server can be
/// configured without flags: `RAPPORT_DATA_DIR`, `RAPPORT_DATABASE_URL`.
struct StoreOptions: ParsableArguments {
    @Option(help: "Folder for the embedded SQLite database (default: ./data or $RAPPORT_DATA_DIR).")
    var dataDir: String?

    @Option(help: "postgres://user:password@host:5432/db, or an SQLite file path (default: $RAPPORT_DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = ProcessInfo.processInfo.environment["RAPPORT_LOG_LEVEL"] ?? "info"

    @Option(help: "Log format: text (readable) or json (one object per line, for collectors).")
    var logFormat: String = ProcessInfo.processInfo.environment["RAPPORT_LOG_FORMAT"] ?? "text"

    var location: DatabaseLocation {
        get throws {
            let environment = ProcessInfo.processInfo.environment
            if let url = databaseURL ?? environment["RAPPORT_DATABASE_URL"], !url.isEmpty {
                return try DatabaseLocation(url: url)
            }
            return .dataDirectory(dataDir ?? environment["RAPPORT_DATA_DIR"] ?? "data")
        }
    }

    func logger(_ label: String = "rapport") -> Logger {
        LogFormat.bootstrap(json: logFormat == "json")
        var logger = Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return logger
    }

    /// Opens the store (running migrations) and hands it to `body`, closing it afterwards.
    func withStore<T>(_ body: (Store) async throws -> T) async throws -> T {
        let logger = logger()
        let store = try await Store.open(try location, logger: logger)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
