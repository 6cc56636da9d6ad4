import CSQLiteShared
import Foundation

/// One SQLite connection driven through the C interface on the calling thread, with its
/// prepared statements kept for reuse.
///
/// SQLiteNIO prepares every statement anew and hands each one to a thread pool; for the
/// hot paths (the customer 360, token checks, bulk loading) that overhead is larger than
/// SQLite's own work. A `DirectConnection` is not thread-safe: it is owned by one
/// ``SQLiteReadPool`` slot or one ``BulkWriter`` at a time.
final class DirectConnection {
    private var handle: OpaquePointer?
    private var statements: [String: Statement] = [:]
    let path: String

    /// A prepared statement with the column layout its rows share.
    private final class Statement {
        let pointer: OpaquePointer
        let columns: DirectRow.Columns

        init(pointer: OpaquePointer) {
            self.pointer = pointer
            let count = sqlite_nio_sqlite3_column_count(pointer)
            columns = .init(names: (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(pointer, $0)) })
        }
    }

    /// Opens `path`; read-only connections also refuse writes at the SQL level
    /// (`query_only`), so a read path can never change data by mistake.
    init(path: String, readOnly: Bool) throws {
        self.path = path
        let flags = (readOnly ? CSQLITE_OPEN_READONLY : CSQLITE_OPEN_READWRITE | CSQLITE_OPEN_CREATE) | CSQLITE_OPEN_NOMUTEX
        var opened: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &opened, Int32(flags), nil)
        handle = opened
        guard status == CSQLITE_OK else {
            let error = failure("open \(path)")
            close()
            throw error
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 30_000)
        csqlite_shared_enable_stable_plans(handle)
        try execute("PRAGMA foreign_keys = ON; PRAGMA mmap_size = 2147483648; PRAGMA cache_size = -65536")
        // Writers match SQLiteNIO's connections (see `SQLitePragmaSource`): with WAL, NORMAL
        // still survives a crash of the process; only a power cut may lose the last commits.
        // The writer checkpoints the WAL every ~40 MB instead of every ~4 MB: bulk loads and
        // the stream of read-audit entries then copy each page back once, not many times.
        try execute(
            readOnly
                ? "PRAGMA query_only = ON"
                : "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 10000")
    }

    deinit {
        close()
    }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.pointer) }
        statements.removeAll()
        if let handle { sqlite_nio_sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Runs one or more statements without results or binds (pragmas, BEGIN, COMMIT).
    func execute(_ sql: String) throws {
        guard sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil) == CSQLITE_OK else { throw failure(sql) }
    }

    /// Runs `body` with SQLite's sorter given the machine's cores and up to 512 MiB of memory
    /// (`PRAGMA threads`, `PRAGMA cache_size`), then puts both back. For `CREATE INDEX` over
    /// millions of rows, which sorts them first: with one thread and the connection's 64 MiB
    /// cache the sorter writes several runs and merges them on one core.
    func withLargeSorts<T>(_ body: () throws -> T) throws -> T {
        let workers = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
        try execute("PRAGMA threads = \(workers); PRAGMA cache_size = -524288")
        defer { try? execute("PRAGMA threads = 0; PRAGMA cache_size = -65536") }
        return try body()
    }

    /// Runs a query and copies out every row.
    func query(_ sql: String, _ binds: [QueryValue]) throws -> [DirectRow] {
        let statement = try prepared(sql)
        defer { release(statement) }
        try bind(binds, to: statement, sql: sql)
        var rows: [DirectRow] = []
        while true {
            let status = sqlite_nio_sqlite3_step(statement.pointer)
            if status == CSQLITE_DONE { return rows }
            guard status == CSQLITE_ROW else { throw failure(sql) }
            rows.append(DirectRow(columns: statement.columns, values: currentValues(of: statement)))
        }
    }

    /// Runs a statement that returns no rows, such as one row's INSERT; returns the number
    /// of rows changed.
    @discardableResult
    func run(_ sql: String, _ binds: [QueryValue]) throws -> Int {
        let statement = try prepared(sql)
        defer { release(statement) }
        try bind(binds, to: statement, sql: sql)
        try step(statement, sql: sql)
        return Int(sqlite_nio_sqlite3_changes(handle))
    }

    /// Inserts `rows` into `table` as multi-row INSERTs of `rowsPerStatement` rows (one
    /// prepared statement for the full ones, one single-row statement for the rest), binding
    /// the values straight from the rows. For bulk loads: SQLite's per-statement work —
    /// opening a cursor on the table and on each index, finding the prepared statement by
    /// its text — is then paid once per `rowsPerStatement` rows instead of once per row.
    /// `ignoringConflicts` skips rows that a unique key already holds (`ON CONFLICT DO NOTHING`).
    func insert(
        into table: String, columns: [String], rows: [[QueryValue]], rowsPerStatement: Int = 32, ignoringConflicts: Bool = false
    ) throws {
        guard !rows.isEmpty else { return }
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let tail = ignoringConflicts ? " ON CONFLICT DO NOTHING" : ""
        var start = 0
        if rows.count >= rowsPerStatement {
            let sql = head + Array(repeating: tuple, count: rowsPerStatement).joined(separator: ", ") + tail
            let statement = try prepared(sql)
            defer { release(statement) }
            while rows.count - start >= rowsPerStatement {
                try bind(rows[start..<(start + rowsPerStatement)], width: columns.count, to: statement, sql: sql)
                try step(statement, sql: sql)
                start += rowsPerStatement
            }
        }
        guard start < rows.count else { return }
        let sql = head + tuple + tail
        let statement = try prepared(sql)
        defer { release(statement) }
        for row in rows[start...] {
            try bind(row[...], to: statement, from: 1, sql: sql)
            try step(statement, sql: sql)
        }
    }

    /// Runs a bound statement that returns no rows to its end and resets it for the next binds.
    private func step(_ statement: Statement, sql: String) throws {
        var status = sqlite_nio_sqlite3_step(statement.pointer)
        while status == CSQLITE_ROW { status = sqlite_nio_sqlite3_step(statement.pointer) }
        guard status == CSQLITE_DONE else { throw failure(sql) }
        sqlite_nio_sqlite3_reset(statement.pointer)
    }

    private func bind(_ rows: ArraySlice<[QueryValue]>, width: Int, to statement: Statement, sql: String) throws {
        var index: Int32 = 1
        for row in rows {
            guard row.count == width else {
                throw DirectSQLiteError(code: 25, message: "a row of \(row.count) values for \(width) columns", sql: sql)
            }
            try bind(row[...], to: statement, from: index, sql: sql)
            index += Int32(width)
        }
    }

    private func prepared(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        var pointer: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(CSQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard status == CSQLITE_OK, let pointer else { throw failure(sql) }
        let statement = Statement(pointer: pointer)
        statements[sql] = statement
        return statement
    }

    private func release(_ statement: Statement) {
        sqlite_nio_sqlite3_reset(statement.pointer)
        sqlite_nio_sqlite3_clear_bindings(statement.pointer)
    }

    private func bind(_ binds: [QueryValue], to statement: Statement, sql: String) throws {
        let expected = Int(sqlite_nio_sqlite3_bind_parameter_count(statement.pointer))
        guard expected == binds.count else {
            throw DirectSQLiteError(code: 25, message: "\(binds.count) values bound to \(expected) placeholders", sql: sql)
        }
        try bind(binds[...], to: statement, from: 1, sql: sql)
    }

    /// Binds `values` to the placeholders from number `first` on.
    private func bind(_ values: ArraySlice<QueryValue>, to statement: Statement, from first: Int32, sql: String) throws {
        var index = first
        for value in values {
            let status: Int32 =
                switch value {
                case .text(var text):
                    text.withUTF8 { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { characters in
                            guard let base = characters.baseAddress else {
                                return csqlite_shared_bind_text(statement.pointer, index, "", 0)
                            }
                            return csqlite_shared_bind_text(statement.pointer, index, base, Int32(characters.count))
                        }
                    }
                case .integer(let number): sqlite_nio_sqlite3_bind_int64(statement.pointer, index, number)
                case .real(let number): sqlite_nio_sqlite3_bind_double(statement.pointer, index, number)
                case .null: sqlite_nio_sqlite3_bind_null(statement.pointer, index)
                }
            guard status == CSQLITE_OK else { throw failure(sql) }
            index += 1
        }
    }

    private func currentValues(of statement: Statement) -> [QueryValue] {
        let pointer = statement.pointer
        return (0..<Int32(statement.columns.names.count)).map { column in
            switch Int(sqlite_nio_sqlite3_column_type(pointer, column)) {
            case CSQLITE_NULL: .null
            case CSQLITE_INTEGER: .integer(sqlite_nio_sqlite3_column_int64(pointer, column))
            case CSQLITE_FLOAT: .real(sqlite_nio_sqlite3_column_double(pointer, column))
            default:
                .text(
                    String(
                        decoding: UnsafeBufferPointer(
                            start: sqlite_nio_sqlite3_column_text(pointer, column),
                            count: Int(sqlite_nio_sqlite3_column_bytes(pointer, column))),
                        as: UTF8.self))
            }
        }
    }

    private func failure(_ sql: String) -> DirectSQLiteError {
        DirectSQLiteError(
            code: sqlite_nio_sqlite3_extended_errcode(handle),
            message: sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error", sql: sql)
    }
}
