import SQLKit

/// One table's rows of a bulk load, in insertion order, as plain values that either
/// database takes.
struct BulkTable: Sendable {
    let name: String
    let columns: [String]
    var rows: [[QueryValue]]

    init<Row>(_ name: String, _ columns: [String], _ rows: [Row], values: (Row) -> [QueryValue]) {
        self.name = name
        self.columns = columns
        self.rows = rows.map(values)
    }

    /// Writes the rows through prepared multi-row INSERTs, inside the caller's transaction
    /// on a direct SQLite connection (``DirectConnection/insert(into:columns:rows:rowsPerStatement:)``).
    func insert(on connection: DirectConnection) throws {
        try connection.insert(into: name, columns: columns, rows: rows)
    }

    /// Writes the rows as multi-row INSERTs of at most ~30 000 bound values (PostgreSQL
    /// allows 65 535 per statement).
    func insert(on database: any SQLDatabase) async throws {
        let perStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let builder = database.insert(into: name).columns(columns)
            for row in rows[start..<end] { builder.values(row) }
            try await builder.run()
            start = end
        }
    }
}
