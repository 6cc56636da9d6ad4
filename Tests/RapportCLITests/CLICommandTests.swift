import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportStore
import Testing

@testable import rapport

/// The commands the README lists, run as a user would run them — parsed from their
/// arguments — against a throw-away SQLite data folder. (The CLI only parses flags and calls
/// the store, so the store suites prove PostgreSQL; these prove the commands themselves.)
@Suite("The rapport command line (R10.5)", .serialized)
struct CLICommandTests {
    @Test func exportWritesEveryPersonPurchaseAndInteractionAsCSVAndAuditsIt() async throws {
        try await withDataFolder(people: 40) { folder in
            for kind in ["people", "purchases", "interactions"] {
                let out = folder.appendingPathComponent("\(kind).csv").path
                try await run(ExportCommand.self, [kind, "--data-dir", folder.path, "--out", out, "--log-level", "error"])
                let lines = try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
                let expected = try await count(kind, in: folder)
                #expect(expected > 0, "the demo data has \(kind)")
                #expect(lines.count == expected + 1, "\(kind): a header and one line per row")
                #expect(lines.first?.hasPrefix("id,") == true)
            }
            let people = try String(contentsOfFile: folder.appendingPathComponent("people.csv").path, encoding: .utf8)
            let names = try await storeRows(in: folder, "SELECT family_name FROM people WHERE family_name IS NOT NULL")
            #expect(names.allSatisfy { people.contains($0) }, "every family name, diacritics included, is in the file")
            let exports = try await storeRows(in: folder, "SELECT entity_type FROM audit_log WHERE action = 'export'")
            #expect(Set(exports) == ["people", "purchases", "interactions"])
        }
    }

    @Test func exportRefusesAFolderThatDoesNotExist() async throws {
        try await withDataFolder(people: 5) { folder in
            let out = folder.appendingPathComponent("missing/people.csv").path
            await #expect(throws: ValidationError.self) {
                try await run(ExportCommand.self, ["people", "--data-dir", folder.path, "--out", out])
            }
        }
    }

    @Test func tokenCreateIssuesATokenThatAuthenticatesAndIsStoredOnlyAsADigest() async throws {
        try await withDataFolder(people: 0) { folder in
            setenv("RAPPORT_PASSWORD", "correct horse battery staple", 1)
            defer { unsetenv("RAPPORT_PASSWORD") }
            try await run(UserCommand.Create.self, ["--username", "ada", "--role", "analyst", "--data-dir", folder.path])
            let token = try await withStore(folder) { try await TokenCommand.Create.issue(username: "ada", name: "ci", on: $0) }
            #expect(token.hasPrefix("rpt_"))
            let user = try await withStore(folder) { try await $0.users.user(forToken: token) }
            #expect(user?.username == "ada" && user?.role == .analyst)
            let stored = try await storeRows(in: folder, "SELECT token_hash FROM api_tokens")
            #expect(stored.count == 1 && stored[0] != token && !stored[0].contains(token.dropFirst(4)))
            await #expect(throws: ValidationError.self) {
                try await withStore(folder) { try await TokenCommand.Create.issue(username: "nobody", name: "ci", on: $0) }
            }
        }
    }

    @Test func benchHTTPMeasuresHealthFirstAndRepeatReadsWithoutFailures() async throws {
        try await withDataFolder(people: 60) { folder in
            let port = Int.random(in: 20_000...40_000)
            let command = try BenchHTTPCommand.parse([
                "--data-dir", folder.path, "--connections", "4", "--seconds", "0.3", "--port", String(port),
                "--cold-sample", "50", "--hot-people", "10",
            ])
            let report = try await withStore(folder) { store in
                var logger = Logger(label: "bench-test")
                logger.logLevel = .error
                return try await command.measure(store, logger: logger)
            }
            #expect(report.peopleInDatabase == 60)
            for (route, result) in [("health", report.health), ("first", report.firstReads), ("repeat", report.repeatReads)] {
                #expect(result.requests > 0, "\(route) was measured")
                #expect(result.failures == 0, "\(route) had no failed requests")
                #expect(result.p50 <= result.p99)
            }
        }
    }
}
