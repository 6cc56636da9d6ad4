import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `POST /api/v1/touchpoints/{id}/events`: an event stream of records as NDJSON
/// (`application/x-ndjson`, one JSON record per line). The body is read as it arrives and
/// split into lines, never collected whole; every line goes through the ingestion pipeline
/// like a record sent to `…/records` (kept raw with lineage `events ID line N`, then matched,
/// created or quarantined), in transactions of ``batchSize`` lines.
///
/// The answer has the counts and the line number of every quarantined line; for streams of
/// up to ``resultLimit`` records it also has each line's outcome.
struct EventStreamAPI {
    let store: Store
    static let batchSize = 200
    /// Streams of more records answer with the summary only.
    static let resultLimit = 1000
    /// The longest line accepted; a longer one is quarantined with its first bytes.
    static let maximumLineBytes = 1 << 20

    func register(on api: APIRoutes) {
        api.post("touchpoints/:id/events", .writePeople) { request, context, actor in
            let touchpoint = try await store.sources.find(try request.pathID(context, entity: "touchpoint"))
            let stream = "events " + UUID().uuidString.lowercased()
            var response = EventStreamResponse(stream: stream)
            var batch: [(line: Int, request: IngestionRequest)] = []
            func flush() async throws {
                guard !batch.isEmpty else { return }
                let results = try await store.ingestion.ingest(transaction: batch.map(\.request), from: touchpoint, by: actor)
                for (entry, result) in zip(batch, results) { response.add(result, line: entry.line) }
                batch.removeAll(keepingCapacity: true)
            }
            var lines = NDJSONLines(maximumLineBytes: Self.maximumLineBytes)
            for try await buffer in request.body {
                for line in lines.append(buffer.readableBytesView) {
                    batch.append((line.number, Self.request(for: line, stream: stream)))
                    if batch.count >= Self.batchSize { try await flush() }
                }
            }
            if let last = lines.finish() { batch.append((last.number, Self.request(for: last, stream: stream))) }
            try await flush()
            return try JSONResponse.make(response)
        }
    }

    /// The ingestion request of one line, like a single record's (see ``IngestionBody``).
    static func request(for line: NDJSONLines.Line, stream: String) -> IngestionRequest {
        var request = IngestionBody.request(payload: line.text, lineage: "\(stream) line \(line.number)")
        if line.truncated {
            request.parsed = .failure(
                .invalid([.outOfRange("body", "The line runs past \(maximumLineBytes) bytes; only its start is kept.")]))
        } else if !line.validUTF8 {
            request.parsed = .failure(
                .invalid([FieldIssue(field: "body", code: "invalid_utf8", message: "The line is not UTF-8 encoded JSON.")]))
        }
        return request
    }
}

/// The answer to an event stream: the counts, the quarantined line numbers, and per-line
/// outcomes while the stream is short enough (``EventStreamAPI/resultLimit``).
struct EventStreamResponse: Encodable {
    let stream: String
    var lines = 0
    var matched = 0
    var created = 0
    var quarantined = 0
    var quarantinedLines: [Int] = []
    /// Each line's outcome in order, or nil when the stream was longer than the limit.
    var results: [LineResult]? = []

    struct LineResult: Encodable {
        let line: Int
        let result: IngestionResult
    }

    init(stream: String) { self.stream = stream }

    mutating func add(_ result: IngestionResult, line: Int) {
        lines += 1
        switch result.outcome {
        case .matched: matched += 1
        case .created: created += 1
        case .quarantined:
            quarantined += 1
            quarantinedLines.append(line)
        }
        if lines > EventStreamAPI.resultLimit { results = nil } else { results?.append(LineResult(line: line, result: result)) }
    }
}
