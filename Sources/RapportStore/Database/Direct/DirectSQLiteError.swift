/// A failure reported by SQLite on one of Rapport's direct connections, with SQLite's own
/// message and the statement that failed.
public struct DirectSQLiteError: Error, CustomStringConvertible {
    /// SQLite's extended result code.
    public let code: Int32
    public let message: String
    public let sql: String

    public var description: String {
        "SQLite error \(code): \(message) (in: \(sql.prefix(120)))"
    }
}
