import ArgumentParser
import Foundation
import RapportCore
import RapportStore

/// `rapport mart list` and `rapport mart export KEY [--part …] [--out FILE]`: the data marts
/// (R1.10) and their CSV export, streamed page by page and audited like the API's download.
struct MartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mart", abstract: "List data marts or export one as CSV.",
        subcommands: [MartListCommand.self, MartExportCommand.self])
}

struct MartListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the data marts.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in
            for mart in try await store.dataMarts.list() {
                print("\(mart.key)\t\(mart.name)\t\(mart.parts.map(\.rawValue).joined(separator: ","))\t\(mart.rules)")
            }
        }
    }
}

struct MartExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export one part of a data mart as CSV.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The mart's key.") var key: String
    @Option(help: "Which part: \(DataMartPart.allCases.map(\.rawValue).joined(separator: ", ")).") var part = "profiles"
    @Option(help: "File to write (default: standard output).") var out: String?

    func run() async throws {
        guard let part = DataMartPart(rawValue: part) else {
            throw ValidationError(
                "--part '\(part)' is not one of: \(DataMartPart.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        try await store.withStore { store in
            let actor = Actor(userID: nil, name: "cli-mart-export", role: .administrator)
            let plan: DataMartExport
            do {
                plan = try await store.dataMarts.plan(key, part: part, by: actor)
            } catch let error as DomainError {
                throw ValidationError(error.message)
            } catch let rejection as SegmentRuleRejection {
                throw ValidationError("The rule of data mart '\(key)' no longer checks: \(rejection.message)")
            }
            let sink = try CSVSink(path: out)
            let rows = try await store.dataMarts.export(plan, by: actor) { rows in rows.forEach(sink.write) }
            sink.close()
            FileHandle.standardError.write(Data("Exported \(rows) rows of \(key) (\(part.rawValue)).\n".utf8))
        }
    }
}
