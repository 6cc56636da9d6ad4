import ArgumentParser
import Foundation
import RapportCore
import RapportIntegration
import RapportStore

/// `rapport movers FILE`: applies a movers file (R1.6) and prints what moved and every row
/// not applied by line. Exits 1 with one line naming the problem when the file or its
/// columns cannot be used (nothing moved).
struct MoversCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "movers", abstract: "Apply a movers file: old address, new address, effective date.")

    @Argument(
        help:
            "The CSV file (columns such as surname, old_address, old_city, new_address, new_city, country, move_date).")
    var file: String
    @Option(help: "The effective date column, when it has another name.") var effectiveDateColumn: String?
    @Option(help: "How dates are written: yyyy-mm-dd, dd.mm.yyyy or mm/dd/yyyy.") var dateFormat = "yyyy-mm-dd"
    @Option(help: "The field separator: , ; tab or |.") var delimiter = ","
    @Option(help: "The touchpoint new addresses come from (default: movers, registered when missing).") var source:
        String?
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        guard let format = ImportDateFormat(rawValue: dateFormat) else {
            throw CommandFailure(
                "--date-format must be one of: " + ImportDateFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let separators: [String: UInt8] = [
            ",": UInt8(ascii: ","), ";": UInt8(ascii: ";"), "tab": 0x09, "|": UInt8(ascii: "|"),
        ]
        guard let separator = separators[delimiter] else {
            throw CommandFailure("--delimiter must be one of: , ; tab |")
        }
        let options = MoversImport.Options(
            effectiveDateColumn: effectiveDateColumn, dateFormat: format, delimiter: separator)
        let summary = try await storeOptions.withStore { store in
            do {
                let touchpoint = try await store.movers.source(named: source, by: .system)
                return try await store.movers.run(
                    .file(path: file), name: URL(fileURLWithPath: file).lastPathComponent, options: options,
                    source: touchpoint,
                    by: .system)
            } catch let error as CSVImportError {
                throw CommandFailure("\(file): \(error.description)")
            } catch let error as DomainError {
                throw CommandFailure("\(file): \(EnrichCommand.describe(error))")
            }
        }
        print(summary.report)
        if summary.stopped != nil { throw ExitCode(1) }
    }
}

/// `rapport enrich FILE --source NAME --mapping FILE`: applies a third party's attributes
/// (R1.9) with their provenance; prints the counts and every row not applied by line.
struct EnrichCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrich", abstract: "Apply an enrichment file of attributes to matched profiles, with provenance.")

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The touchpoint the data comes from (name or id).") var source: String
    @Option(
        help:
            "The column mapping, a JSON file: {\"columns\": {\"E-mail\": \"email\", \"Band\": \"attributes.income_band\"}}."
    )
    var mapping: String
    @Option(help: "A column holding Rapport person IDs, to match on them too.") var personIDColumn: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let columns = try CommandInputs.mapping(at: mapping)
        let summary = try await storeOptions.withStore { store in
            let touchpoint = try await CommandInputs.touchpoint(source, in: store)
            do {
                return try await store.enrichment.run(
                    .file(path: file), name: URL(fileURLWithPath: file).lastPathComponent, mapping: columns,
                    personIDColumn: personIDColumn, source: touchpoint, by: .system)
            } catch let error as CSVImportError {
                throw CommandFailure("\(file): \(error.description)")
            } catch let error as DomainError {
                throw CommandFailure("\(file): \(Self.describe(error))")
            }
        }
        print(summary.report)
        if summary.stopped != nil { throw ExitCode(1) }
    }

    /// Every issue on one line: "columns.kids: Touchpoint … may not supply …; header.oldCity: …".
    static func describe(_ error: DomainError) -> String {
        if case .invalid(let issues) = error {
            return issues.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        }
        return error.message
    }
}
