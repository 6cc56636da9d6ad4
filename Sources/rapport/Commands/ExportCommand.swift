import ArgumentParser
import Foundation
import RapportCore
import RapportStore

/// `rapport export people|purchases|interactions`: CSV (RFC 4180, UTF-8) on stdout or
/// into `--out`, read page by page so memory stays flat. The export is audited.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export people, purchases or interactions as CSV.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case people, purchases, interactions
    }

    @OptionGroup var store: StoreOptions
    @Argument(help: "What to export: people, purchases or interactions.") var kind: Kind
    @Option(help: "File to write (default: standard output).") var out: String?

    func run() async throws {
        let sink = try CSVSink(path: out)
        try await store.withStore { store in
            let actor = Actor(userID: nil, name: "cli-export", role: .administrator)
            var rows = 0
            switch kind {
            case .people:
                sink.write(["id", "household_id", "given_name", "family_name", "birth_date", "gender", "language", "country", "status", "created_at"])
                var cursor: Cursor?
                repeat {
                    let page = try await store.people.list(
                        PersonFilter(), order: ListOrder(column: "created_at", descending: false), cursor: cursor, limit: 1000, by: actor)
                    for p in page.items {
                        sink.write([p.id.rawValue, p.householdID?.rawValue, p.givenName, p.familyName, p.birthDate?.description,
                                    p.gender?.rawValue, p.language, p.country, p.status.rawValue, Timestamp.format(p.createdAt)])
                    }
                    rows += page.items.count
                    cursor = page.nextCursor.flatMap(Cursor.init(encoded:))
                } while cursor != nil
            case .purchases:
                sink.write(["id", "person_id", "organisation_id", "kind", "channel", "occurred_at", "currency", "total", "margin", "reference", "lines"])
                var cursor: Cursor?
                repeat {
                    let page = try await store.purchases.list(personID: nil, organisationID: nil, kind: nil, cursor: cursor, limit: 1000, by: actor)
                    for p in page.items {
                        sink.write([p.id.rawValue, p.personID?.rawValue, p.organisationID?.rawValue, p.kind.rawValue, p.channel?.rawValue,
                                    Timestamp.format(p.occurredAt), p.total.currency, String(format: "%.2f", p.total.decimal),
                                    String(format: "%.2f", p.margin.decimal), p.reference,
                                    p.lines.map { "\($0.quantity)x \($0.product)" }.joined(separator: "; ")])
                    }
                    rows += page.items.count
                    cursor = page.nextCursor.flatMap(Cursor.init(encoded:))
                } while cursor != nil
            case .interactions:
                sink.write(["id", "person_id", "organisation_id", "channel", "direction", "staff", "outcome", "subject", "occurred_at"])
                var cursor: Cursor?
                repeat {
                    let page = try await store.interactions.list(personID: nil, channel: nil, cursor: cursor, limit: 1000, by: actor)
                    for i in page.items {
                        sink.write([i.id.rawValue, i.personID.rawValue, i.organisationID?.rawValue, i.channel.rawValue, i.direction.rawValue,
                                    i.staffName, i.outcome.rawValue, i.subject, Timestamp.format(i.occurredAt)])
                    }
                    rows += page.items.count
                    cursor = page.nextCursor.flatMap(Cursor.init(encoded:))
                } while cursor != nil
            }
            try await store.audit.record(.export, entityType: kind.rawValue, entityID: "*", detail: "\(rows) rows to \(out ?? "stdout")", by: actor, on: store.database.sql)
            sink.close()
            FileHandle.standardError.write(Data("Exported \(rows) \(kind.rawValue).\n".utf8))
        }
    }
}

/// Writes CSV rows with RFC 4180 quoting through a buffer.
final class CSVSink {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ValidationError("--out \(path) cannot be created: check the folder exists and is writable.")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        } else {
            handle = FileHandle.standardOutput
        }
    }

    func write(_ fields: [String?]) {
        buffer.append(Data(CSVLine.encode(fields).utf8))
        if buffer.count > 1 << 16 { flush() }
    }

    func close() {
        flush()
        if handle !== FileHandle.standardOutput { try? handle.close() }
    }

    private func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
