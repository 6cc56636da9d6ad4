import Foundation

/// Where Rapport keeps its data: an SQLite file (the default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    /// A `postgres://user:password@host:port/database` URL; `schema` selects a search path
    /// (tests give each test its own schema).
    case postgres(url: String, schema: String? = nil)

    /// Reads `--database-url`: `postgres://…`, `postgresql://…`, `sqlite:///path/file.sqlite`
    /// or a bare file path.
    public init(url: String) throws(DatabaseError) {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url: url)
        } else if url.hasPrefix("sqlite://") {
            self = .sqlite(path: String(url.dropFirst("sqlite://".count)))
        } else if url.contains("://") {
            throw .unsupportedURL(url)
        } else {
            self = .sqlite(path: url)
        }
    }

    /// The SQLite file inside a data folder.
    public static func dataDirectory(_ directory: String) -> DatabaseLocation {
        .sqlite(path: URL(fileURLWithPath: directory).appendingPathComponent("rapport.sqlite").path)
    }

    /// Shown in logs: never includes a password.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite \(path)"
        case .postgres(let url, let schema):
            "postgres \(URL(string: url).map { "\($0.host ?? "?"):\($0.port ?? 5432)\($0.path)" } ?? "?")"
                + (schema.map { " schema \($0)" } ?? "")
        }
    }
}

/// Problems opening or preparing a database, each with what to do about it.
public enum DatabaseError: Error, CustomStringConvertible, Equatable {
    case unsupportedURL(String)
    case cannotCreateDirectory(String, reason: String)
    case migrationFailed(version: Int, name: String, reason: String)
    case newerSchema(found: Int, known: Int)

    public var description: String {
        switch self {
        case .unsupportedURL(let url):
            "database URL '\(url.prefix(12))…' is not supported: use postgres://user:password@host:5432/db or a path to an SQLite file."
        case .cannotCreateDirectory(let path, let reason):
            "cannot create the data folder \(path): \(reason). Choose another with --data-dir."
        case .migrationFailed(let version, let name, let reason):
            "migration \(version) (\(name)) failed and was rolled back: \(reason)"
        case .newerSchema(let found, let known):
            "the database has schema version \(found) but this Rapport knows only up to \(known): upgrade Rapport."
        }
    }
}
