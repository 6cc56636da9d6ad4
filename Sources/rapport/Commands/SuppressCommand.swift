import ArgumentParser
import Foundation
import RapportCore
import RapportStore

/// `rapport suppress FILE --reason deceased [--note …]`: suppresses everyone a file names —
/// one person ID or e-mail address per line, in the first CSV column — in one transaction,
/// and reports the lines that named nobody. The work is ``SuppressionRepository``'s.
struct SuppressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppress", abstract: "Suppress the people a file lists (deceased, undeliverable, on request).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "UTF-8 file with a person ID or e-mail address per line (first CSV column; a header is skipped).")
    var file: String
    @Option(help: "Why: \(SuppressionReason.allCases.map(\.rawValue).joined(separator: ", ")).") var reason: String
    @Option(help: "A note (required for --reason other).") var note: String?

    func run() async throws {
        guard let reason = SuppressionReason(rawValue: reason) else {
            throw ValidationError(
                "--reason '\(reason)' is not one of: \(SuppressionReason.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("\(file) cannot be read: check the path.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(file) is not UTF-8 text.")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        try await store.withStore { store in
            let actor = Actor(userID: nil, name: "cli-suppress", role: .administrator)
            let result = try await store.suppressions.suppress(lines: lines, reason: reason, note: note, by: actor)
            for line in result.unmatched {
                FileHandle.standardError.write(Data("line \(line.line): \(line.text): \(line.reason)\n".utf8))
            }
            print(
                "Suppressed \(result.suppressed) people (\(reason.rawValue)); \(result.alreadySuppressed) already were; "
                    + "\(result.unmatched.count) lines matched nobody.")
        }
    }
}
