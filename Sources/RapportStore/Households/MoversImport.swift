import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// Applies a movers file (R1.6, like the US NCOA service): each row is matched against the
/// people whose current postal address is the row's old address (``MoveMatching``), and
/// those who move get their old address ended on the effective date and the new one
/// starting on it — the old contact point stays, so the address history is kept. The new
/// address is standardised like every stored one and carries the file's touchpoint as its
/// source. Ambiguous rows move nobody; they, unmatched rows and rows that cannot be read are
/// counted and listed with their line and reasons.
///
/// Rows are applied in transactions of `batchSize`; within one, each row sees the moves of
/// the rows before it. Each person moved is audited with the row that moved them.
public struct MoversImport: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator
    let outbox: EventOutbox
    let sources: SourceRepository

    /// How a movers file is written.
    public struct Options: Sendable {
        /// The date column's name when it is not one of the recognised ones.
        public var effectiveDateColumn: String?
        public var dateFormat: ImportDateFormat
        public var delimiter: UInt8
        /// nil: detect.
        public var encoding: TextEncoding?

        public init(
            effectiveDateColumn: String? = nil, dateFormat: ImportDateFormat = .isoDate,
            delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding? = nil
        ) {
            self.effectiveDateColumn = effectiveDateColumn
            self.dateFormat = dateFormat
            self.delimiter = delimiter
            self.encoding = encoding
        }
    }

    /// The touchpoint new addresses come from when the caller names none.
    public static let defaultSourceName = "movers"
    public static let defaultBatchSize = 200

    /// The touchpoint named `name`, or — without a name — the `movers` touchpoint, registered
    /// (audited) the first time it is needed.
    public func source(named name: String?, by actor: Actor) async throws -> Touchpoint {
        let touchpoints = try await sources.list()
        if let name {
            guard let found = touchpoints.first(where: { $0.name == name || $0.id.rawValue == name }) else {
                throw DomainError.notFound(entity: "touchpoint", id: name)
            }
            return found
        }
        if let found = touchpoints.first(where: { $0.name == Self.defaultSourceName }) { return found }
        let movers = Touchpoint(
            id: ids.make(), name: Self.defaultSourceName, kind: .batchFile, trustRank: 50, createdAt: Date())
        try await sources.register(movers, by: actor)
        return movers
    }

    /// Applies the file; throws ``CSVImportError`` (unreadable file or header) or
    /// `DomainError.invalid` (required columns missing, naming each) before any row is applied.
    public func run(
        _ input: ImportInput, name: String, options: Options = Options(), source: Touchpoint, by actor: Actor,
        batchSize: Int = defaultBatchSize
    ) async throws -> MoversSummary {
        let file = try CSVFileRows(input, encoding: options.encoding, delimiter: options.delimiter)
        let columns = try MoversColumns(
            header: file.header, effectiveDateColumn: options.effectiveDateColumn, dateFormat: options.dateFormat)
        var summary = MoversSummary()
        summary.ignoredColumns = columns.ignored
        let evented = !(try await outbox.subscribers(on: database.sql).byType[.personUpdated] ?? []).isEmpty
        var batch: [(line: Int, row: MoversColumns.Row)] = []
        func flush() async throws {
            guard !batch.isEmpty else { return }
            let rows = batch
            let outcomes = try await database.transaction { db in
                var outcomes: [MoveOutcome] = []
                for (line, row) in rows {
                    outcomes.append(
                        try await apply(
                            row, line: line, file: name, source: source, evented: evented, by: actor, on: db))
                }
                return outcomes
            }
            for ((line, _), outcome) in zip(rows, outcomes) { summary.add(outcome, line: line) }
            batch.removeAll(keepingCapacity: true)
        }
        do {
            while let row = try file.next() {
                summary.rows += 1
                let fields: [String]
                switch row.fields {
                case .success(let read): fields = read
                case .failure(let error):
                    summary.rejected += 1
                    summary.problem(row.line, "rejected", ["row: \(error.description)"])
                    continue
                }
                switch columns.row(fields, ids: ids, now: Date()) {
                case .success(let read):
                    batch.append((row.line, read))
                    if batch.count >= batchSize { try await flush() }
                case .failure(let error):
                    summary.rejected += 1
                    summary.problem(row.line, "rejected", Self.reasons(error))
                }
            }
        } catch let error as CSVError {
            summary.stopped = "stopped at line \(file.line): \(error.description)"
        }
        try await flush()
        // Rows that could not be read are listed at once, the others after their batch: by line.
        summary.problems.sort { $0.line < $1.line }
        summary.encoding = file.encoding
        return summary
    }

    /// Matches one row against the people at its old address and moves those who move.
    private func apply(
        _ row: MoversColumns.Row, line: Int, file: String, source: Touchpoint, evented: Bool, by actor: Actor,
        on db: any SQLDatabase
    ) async throws -> MoveOutcome {
        let homes = try await db.raw(
            """
            SELECT * FROM contact_points
            WHERE kind = 'postal' AND normalized = \(bind: row.record.oldAddressKey) AND person_id IS NOT NULL
              AND valid_to IS NULL
            ORDER BY person_id, id
            """
        ).all().map(ContactPointRepository.contactPoint(from:))
        var candidates: [MoveCandidate] = []
        for home in homes where !candidates.contains(where: { $0.personID == home.personID }) {
            guard
                let personRow = try await db.raw("SELECT * FROM people WHERE id = \(bind: home.personID!.rawValue)")
                    .first()
            else { continue }
            candidates.append(MoveCandidate(person: try PersonRepository.person(from: personRow), home: home))
        }
        let outcome = MoveMatching().match(row.record, candidates: candidates)
        guard outcome.status == .matched else { return outcome }
        for decision in outcome.decisions where decision.moves {
            var point = row.newAddress
            point.id = ids.make()
            point.personID = decision.personID
            point.sourceID = source.id
            point.isPrimary = homes.contains { $0.personID == decision.personID && $0.isPrimary }
            try await ContactPointRepository.add(point, on: db)
            try await audit.record(
                .update, entityType: "person", entityID: decision.personID.rawValue,
                detail:
                    "moved to \(point.value) on \(row.record.effectiveDate) (\(file) line \(line): \(decision.reason))",
                by: actor, on: db)
            if evented { _ = try await outbox.record(.personUpdated, entityID: decision.personID.rawValue, on: db) }
        }
        return outcome
    }

    static func reasons(_ error: DomainError) -> [String] {
        if case .invalid(let issues) = error { return issues.map { "\($0.field): \($0.message)" } }
        return [error.message]
    }
}

extension MoversSummary {
    mutating func add(_ outcome: MoveOutcome, line: Int) {
        switch outcome.status {
        case .matched:
            matched += 1
            movedPeople += outcome.movers.count
            movedHouseholds += outcome.households.count
        case .ambiguous:
            ambiguous += 1
            problem(
                line, "ambiguous",
                [outcome.description] + outcome.decisions.filter { $0.reason == .ambiguous }.map(\.description))
        case .noMatch:
            unmatched += 1
            problem(line, "no_match", [outcome.description])
        }
    }
}
