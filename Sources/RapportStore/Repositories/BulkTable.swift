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

    /// Writes the rows through one prepared INSERT reused for every row, inside the
    /// caller's transaction on a direct SQLite connection.
    func insert(on connection: DirectConnection) throws {
        guard !rows.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        for row in rows { try connection.run(sql, row) }
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
