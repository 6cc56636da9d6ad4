import Foundation
import RapportCore
import RapportIntegration

/// Imports a CSV file into a touchpoint through the same pipeline as the JSON API (R1.2):
/// each row is kept raw (its text, lineage `FILE:LINE`), mapped to an ``IngestRecord`` by an
/// ``ImportMapping``, then matched strictly, created or quarantined with reasons. A row that
/// cannot be parsed (broken quoting, a wrong number of fields) is quarantined with its raw
/// text, never dropped.
///
/// The file is streamed: read 1 MiB at a time, decoded (``TextDecoding``), parsed row by row
/// (``CSVReader``); memory stays constant for any size. Rows are ingested in transactions of
/// `batchSize`, each record with its own outcome, which saves a commit per row. One batch is
/// written while the next is read and normalised; at most two batches are in memory.
public struct CSVImport: Sendable {
    let ingestion: IngestionRepository

    /// Rows per transaction. Each commit writes every page the batch changed, and the
    /// batch's records share many of them (the pages of the key and blocking-key indexes), so
    /// larger batches write less per record: 1 000 ingested 8–10 % more records a second than
    /// 500, and 2 000 little more than 1 000 (`docs/benchmarks.md`). A batch holds the store's
    /// write lock while it is written, about 0.2 s for 1 000 records; other writers wait that long.
    public static let defaultBatchSize = 1_000

    /// Imports `input`; `name` is the file's name in the lineage of every raw record.
    /// Throws ``CSVImportError`` before any row is ingested when the header or the mapping is
    /// unusable; an undecodable byte later stops the import with `stopped` set in the summary.
    ///
    /// The file is read, parsed and normalised on a thread of its own below the writer's
    /// priority (``PriorityThread/fileParsing``): it has a whole batch's time to get the next
    /// batch ready, while the writer and its lookahead are what the import waits for.
    public func run(
        _ input: ImportInput, name: String, mapping: ImportMapping, into touchpoint: Touchpoint, by actor: Actor,
        batchSize: Int = defaultBatchSize, progress: ((ImportProgress) -> Void)? = nil
    ) async throws -> ImportSummary {
        try await withTaskExecutorPreference(PriorityThread.fileParsing) {
            try await read(
                input, name: name, mapping: mapping, into: touchpoint, by: actor, batchSize: batchSize, progress: progress)
        }
    }

    private func read(
        _ input: ImportInput, name: String, mapping: ImportMapping, into touchpoint: Touchpoint, by actor: Actor,
        batchSize: Int, progress: ((ImportProgress) -> Void)?
    ) async throws -> ImportSummary {
        let source = try DecodedChunks(input, encoding: mapping.encoding)
        let reader = CSVReader(delimiter: mapping.delimiter) { () throws(CSVError) -> [UInt8]? in try source.next() }
        let bound: BoundMapping
        do {
            guard let header = try reader.nextRecord() else { throw CSVImportError.emptyFile }
            bound = try BoundMapping(mapping, header: try header.fields.get())
        } catch let error as CSVError {
            throw CSVImportError.header(error)
        } catch let error as ImportMappingError {
            throw CSVImportError.mapping(error)
        }
        var summary = ImportSummary()
        var batch: [(line: Int, request: IngestionRequest)] = []
        var writing: (lines: [Int], task: Task<[IngestionResult], any Error>)?
        /// Waits for the batch being written and counts its outcomes.
        func settle() async throws {
            guard let current = writing else { return }
            writing = nil
            let results = try await current.task.value
            for (line, result) in zip(current.lines, results) { summary.add(result, line: line) }
            progress?(ImportProgress(bytesRead: source.bytesRead, totalBytes: source.totalBytes, rows: summary.rows))
        }
        /// Normalises the batch here, then hands it to a writing task and returns, so the next
        /// batch is read and normalised (on this task, another core) while this one is written.
        func flush() async throws {
            guard !batch.isEmpty else { return }
            let prepared = ingestion.prepare(batch.map(\.request), from: touchpoint)
            try await settle()
            let ingestion = ingestion
            writing = (batch.map(\.line), Task { try await ingestion.ingest(prepared: prepared, from: touchpoint, by: actor) })
            batch.removeAll(keepingCapacity: true)
        }
        do {
            while let row = try reader.nextRecord() {
                batch.append((row.line, Self.request(for: row, bound: bound, file: name)))
                if batch.count >= batchSize { try await flush() }
            }
        } catch let error as CSVError {
            summary.stopped = "stopped at line \(reader.line): \(error.description)"
        } catch {
            try? await settle()
            throw error
        }
        do {
            try await flush()
            try await settle()
        } catch {
            _ = try? await writing?.task.value
            throw error
        }
        summary.encoding = source.report.map { "\($0.encoding.rawValue)\($0.detected ? " (detected)" : "")" }
        return summary
    }

    /// The ingestion request of one row: its raw text, its lineage, and its record or why
    /// there is none.
    static func request(for row: CSVRow, bound: BoundMapping, file: String) -> IngestionRequest {
        let parsed: Result<IngestRecord, DomainError> =
            switch row.fields {
            case .success(let fields): bound.record(fields)
            case .failure(let error):
                .failure(.invalid([FieldIssue(field: "row", code: "csv_syntax", message: error.description)]))
            }
        return IngestionRequest(payload: row.text, parsed: parsed, lineage: "\(file):\(row.line)")
    }
}

/// How far an import has got, for a progress bar.
public struct ImportProgress: Sendable {
    public let bytesRead: Int
    /// The file's size, when known.
    public let totalBytes: Int?
    public let rows: Int
}
