import ArgumentParser
import Foundation
import RapportStore
import SQLKit

@testable import rapport

/// A fresh data folder with `people` demo people (none when 0), removed afterwards.
func withDataFolder(people: Int, _ body: (URL) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    if people > 0 {
        try await run(DemoCommand.self, ["--people", String(people), "--data-dir", folder.path, "--log-level", "error"])
    }
    try await body(folder)
}

/// Parses `arguments` as the command line of `command` and runs it.
func run<Command: AsyncParsableCommand>(_ command: Command.Type, _ arguments: [String]) async throws {
    var parsed = try command.parse(arguments)
    try await parsed.run()
}

/// Opens the store in `folder` the way every command does (``StoreOptions``) for `body`.
func withStore<T>(_ folder: URL, _ body: (Store) async throws -> T) async throws -> T {
    try await StoreOptions.parse(["--data-dir", folder.path, "--log-level", "error"]).withStore(body)
}

/// The first column of every row of `sql` as text.
func storeRows(in folder: URL, _ sql: String) async throws -> [String] {
    try await withStore(folder) { store in
        try await store.database.sql.raw("\(unsafeRaw: sql)").all().map { try $0.decode(column: $0.allColumns[0], as: String.self) }
    }
}

/// Rows of the table an export of `kind` reads.
func count(_ kind: String, in folder: URL) async throws -> Int {
    let rows = try await storeRows(in: folder, "SELECT CAST(COUNT(*) AS TEXT) FROM \(kind)")
    return Int(rows[0]) ?? -1
}
