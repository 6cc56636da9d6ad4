import ArgumentParser
import Foundation
import RapportCore
import RapportIntegration
import RapportStore

/// `rapport import FILE --source NAME --mapping FILE`: imports a CSV file into a touchpoint
/// through the ingestion pipeline (see ``CSVImport``), with a progress bar on standard error
/// and the summary on standard out. Exits 1 with one line naming the problem on a bad mapping,
/// a column the file lacks or an unknown touchpoint (nothing imported), and when reading
/// stopped on an undecodable byte (the rows before it are imported; the summary says where).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a CSV file of people into a touchpoint, with a column mapping.")

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The touchpoint's name (or id), see GET /api/v1/touchpoints.") var source: String
    @Option(help: "The column mapping, a JSON file: {\"columns\": {\"Imię\": \"givenName\", …}, \"encoding\": \"auto\"}.")
    var mapping: String
    @Option(help: "Rows per transaction.") var batchSize = CSVImport.defaultBatchSize
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let columns = try CommandInputs.mapping(at: mapping)
        let summary = try await storeOptions.withStore { store in
            let touchpoint = try await CommandInputs.touchpoint(source, in: store)
            var bar: ProgressBar?
            var shown = 0
            do {
                let summary = try await store.csvImport.run(
                    .file(path: file), name: URL(fileURLWithPath: file).lastPathComponent, mapping: columns,
                    into: touchpoint, by: .system, batchSize: max(1, batchSize)
                ) { progress in
                    let kib = (progress.bytesRead + 1023) / 1024
                    if bar == nil { bar = ProgressBar(total: ((progress.totalBytes ?? 0) + 1023) / 1024, label: "import (KiB)") }
                    bar?.advance(by: kib - shown)
                    shown = kib
                }
                bar?.finish()
                return summary
            } catch let error as CSVImportError {
                throw CommandFailure("\(file): \(error.description)")
            }
        }
        print(ImportReport(summary: summary).text)
        if summary.stopped != nil { throw ExitCode(1) }
    }
}

/// A failure the user can fix, printed as one line without the usage text; exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The import summary as printed.
struct ImportReport {
    let summary: ImportSummary

    var text: String {
        var lines = [
            "rows: \(summary.rows)  matched: \(summary.matched)  created: \(summary.created)  quarantined: \(summary.quarantined)"
        ]
        if let encoding = summary.encoding { lines.append("encoding: \(encoding)") }
        for problem in summary.problems {
            lines.append("line \(problem.line): " + problem.reasons.joined(separator: "; "))
        }
        if summary.quarantined > summary.problems.count {
            lines.append("… \(summary.quarantined - summary.problems.count) more in the quarantine (/admin/quarantine)")
        }
        if let stopped = summary.stopped { lines.append(stopped) }
        return lines.joined(separator: "\n")
    }
}
