import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// Reading ingestion bodies so that nothing received is lost: a single record is kept
/// even when it is not valid JSON (it is quarantined with the reason), and each element
/// of a batch is kept as the exact text the client sent for it.
enum IngestionBody {
    /// The body as text; only non-UTF-8 bodies are refused, as they cannot be stored as text.
    static func collect(_ request: Request, limit: Int) async throws -> String {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw DomainError.invalid([FieldIssue(field: "body", code: "invalid_utf8", message: "The body must be UTF-8 encoded JSON.")])
        }
        return text
    }

    /// The ingestion request for one payload: the record it decodes to, or the decoding
    /// problem naming its field.
    static func request(payload: String, lineage: String) -> IngestionRequest {
        let parsed: Result<IngestRecord, DomainError>
        do {
            let record = try JSONCoding.decoder.decode(IngestRecord.self, from: Data(payload.utf8))
            let unknown = IngestRecord.unknownFields(in: try JSONCoding.decoder.decode([String: JSONValue].self, from: Data(payload.utf8)))
            parsed = unknown.isEmpty ? .success(record) : .failure(.invalid(unknown))
        } catch let error as DecodingError {
            var issue = FieldIssue.from(error)
            if issue.field.isEmpty { issue = FieldIssue(field: "body", code: issue.code, message: "The record must be a JSON object.") }
            parsed = .failure(.invalid([issue]))
        } catch {
            parsed = .failure(.invalid([FieldIssue(field: "body", code: "malformed_json", message: "The record could not be read as JSON.")]))
        }
        return IngestionRequest(payload: payload, parsed: parsed, lineage: lineage)
    }

    /// The text of each element of a JSON array, in order. The whole body must be a JSON
    /// array of at most `limit` elements: without that, no record can be told apart.
    static func elements(of body: String, limit: Int) throws -> [String] {
        let data = Data(body.utf8)
        guard let array = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [Any] else {
            throw DomainError.invalid([FieldIssue(field: "body", code: "malformed_json", message: "The body must be a JSON array of records.")])
        }
        guard array.count <= limit else {
            throw DomainError.invalid([.outOfRange("body", "A batch may carry at most \(limit) records; this one has \(array.count).")])
        }
        return JSONArraySlicer.elements(of: Array(body.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Splits the text of a valid JSON array into the text of its top-level elements.
enum JSONArraySlicer {
    static func elements(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 { start = index + 1; continue }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 1, let from = start { append(bytes[from..<index], to: &result) }
                depth -= 1
                continue
            case UInt8(ascii: ","):
                if depth == 1, let from = start { append(bytes[from..<index], to: &result); start = index + 1 }
                continue
            default: break
            }
        }
        return result
    }

    private static func append(_ slice: ArraySlice<UInt8>, to result: inout [ArraySlice<UInt8>]) {
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard let first = slice.firstIndex(where: { !whitespace.contains($0) }),
            let last = slice.lastIndex(where: { !whitespace.contains($0) })
        else { return }
        result.append(slice[first...last])
    }
}
