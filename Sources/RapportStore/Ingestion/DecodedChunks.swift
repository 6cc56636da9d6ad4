import Foundation
import RapportIntegration

/// The input read 1 MiB at a time and decoded to UTF-8, for ``CSVReader``. Counts the bytes
/// read for progress, and keeps the decoder's report (encoding, byte order mark) at the end.
final class DecodedChunks {
    static let chunkSize = 1 << 20

    private let handle: FileHandle?
    private var bytes: [UInt8]
    private var offset = 0
    private var decoding: TextDecoding
    private var finished = false
    private(set) var bytesRead = 0
    let totalBytes: Int?
    private(set) var report: TextDecodingReport?
    private var failure: TextDecodingError?

    init(_ input: ImportInput, encoding: TextEncoding?) throws(CSVImportError) {
        decoding = TextDecoding(encoding: encoding)
        switch input {
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path) }
            self.handle = handle
            bytes = []
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber
            totalBytes = size?.intValue
        case .bytes(let data):
            handle = nil
            bytes = data
            totalBytes = data.count
        }
    }

    deinit { try? handle?.close() }

    /// The next decoded chunk, or nil at the end. After an undecodable byte, the whole lines
    /// before it in its chunk are still handed on (when they can be cut off cleanly), then the
    /// error is thrown; the line holding the byte is never passed on half-read.
    func next() throws(CSVError) -> [UInt8]? {
        if let failure { throw .undecodable(failure) }
        while !finished {
            let chunk = read()
            let held = decoding.bufferedByteCount
            let known = decoding.encoding
            let base = bytesRead
            do {
                guard let chunk else {
                    finished = true
                    let rest = try decoding.finish()
                    report = decoding.report
                    return rest.isEmpty ? nil : Array(rest.utf8)
                }
                bytesRead += chunk.count
                let text = try decoding.decode(chunk)
                if !text.isEmpty { return Array(text.utf8) }
            } catch {
                finished = true
                report = decoding.report
                failure = error
                if held == 0, let known, let chunk, let offset = error.offset, offset > base,
                    let lines = Self.wholeLines(chunk.prefix(offset - base), encoding: known)
                {
                    return lines
                }
                throw .undecodable(error)
            }
        }
        return nil
    }

    /// The text of `bytes` up to and including its last line feed, if it decodes.
    private static func wholeLines(_ bytes: ArraySlice<UInt8>, encoding: TextEncoding) -> [UInt8]? {
        guard let text = try? TextDecoding.decode(bytes, encoding: encoding).text else { return nil }
        let utf8 = Array(text.utf8)
        guard let last = utf8.lastIndex(of: 0x0A) else { return nil }
        return Array(utf8[...last])
    }

    private func read() -> [UInt8]? {
        if let handle {
            let data = handle.readData(ofLength: Self.chunkSize)
            return data.isEmpty ? nil : Array(data)
        }
        guard offset < bytes.count else { return nil }
        let end = min(bytes.count, offset + Self.chunkSize)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
