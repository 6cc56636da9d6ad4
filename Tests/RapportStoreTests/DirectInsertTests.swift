@testable import RapportStore
import RapportTestSupport
import Testing

/// The bulk loader's multi-row INSERTs on the direct SQLite connection: every row arrives,
/// with its values in their columns, whether it went in a full statement or the rest.
@Suite("Multi-row INSERTs on the direct SQLite connection")
struct DirectInsertTests {
    @Test(arguments: [0, 1, 31, 32, 33, 70])
    func everyRowArrivesWithItsValues(count: Int) async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withTestStore { store in
            let rows: [[QueryValue]] = (0..<count).map { n in
                [.text("k\(n)"), .integer(Int64(n)), n % 3 == 0 ? .null : .text("wartość \(n)"), .real(Double(n) / 4)]
            }
            try await store.database.directTransaction { connection in
                try connection.execute("CREATE TABLE bulk_probe (k TEXT PRIMARY KEY, n INTEGER, v TEXT, r REAL)")
                try connection.insert(into: "bulk_probe", columns: ["k", "n", "v", "r"], rows: rows)
            }
            let back = try await store.database.read("SELECT k, n, v, r FROM bulk_probe ORDER BY n", []).map {
                "\(try $0.decode(column: "k", as: String.self)) \(try $0.decode(column: "n", as: Int.self)) "
                    + "\(try $0.decode(column: "v", as: String?.self) ?? "-") \(try $0.decode(column: "r", as: Double.self))"
            }
            #expect(back == (0..<count).map { n in "k\(n) \(n) \(n % 3 == 0 ? "-" : "wartość \(n)") \(Double(n) / 4)" })
        }
    }

    /// A row with the wrong number of values fails the whole transaction: nothing is written.
    @Test func aRowOfTheWrongWidthWritesNothing() async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withTestStore { store in
            try await store.database.directTransaction { try $0.execute("CREATE TABLE bulk_probe (k TEXT, n INTEGER)") }
            var built: [[QueryValue]] = (0..<40).map { [.text("k\($0)"), .integer(Int64($0))] }
            built[5] = [.text("short")]
            let rows = built
            await #expect(throws: DirectSQLiteError.self) {
                try await store.database.directTransaction { connection in
                    try connection.insert(into: "bulk_probe", columns: ["k", "n"], rows: rows)
                }
            }
            let count = try await store.database.readFirst("SELECT COUNT(*) AS n FROM bulk_probe", [])
            #expect(try count?.decode(column: "n", as: Int.self) == 0)
        }
    }
}
