import Foundation

/// A streaming CSV reader: RFC 4180 quoting (`""` escapes, line breaks inside quotes), a UTF-8
/// BOM, LF, CRLF or CR line ends, `,`, `;` or tab separators and FEBRL's `, ` (spaces around
/// unquoted fields are trimmed). Input arrives in chunks — a file read 1 MiB at a time, or
/// the output of ``TextDecoding`` — so memory stays constant for any size: the buffer holds
/// the current row and one chunk, and a row may not run past ``maximumRowBytes``.
///
/// Broken rows never trap. ``nextRow()`` throws ``CSVError`` naming the line; ``nextRecord()``
/// hands the broken row back with its raw text and goes on with the next line (see
/// ``CSVRow``), so an importer can quarantine it instead of losing it.
public final class CSVReader {
    /// Supplies the next chunk of UTF-8 bytes, or nil at the end of input.
    public typealias ChunkSource = () throws(CSVError) -> [UInt8]?

    /// The longest row accepted; a quote left open would otherwise swallow the whole file.
    public static let maximumRowBytes = 1 << 20

    private let source: ChunkSource?
    private let handle: FileHandle?
    var buffer: [UInt8]
    var position = 0
    /// Where the row being read starts in `buffer`; bytes before it may be dropped.
    var rowStart = 0
    var rowLine = 1
    private var exhausted: Bool
    let delimiter: UInt8
    private var checkedBOM = false
    /// Line number (1-based) where the next row starts.
    public internal(set) var line = 1

    /// Reads the file at `path` as UTF-8.
    public init(path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(CSVError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "no such file or no permission")
        }
        self.handle = handle
        source = { () throws(CSVError) -> [UInt8]? in
            let chunk = handle.readData(ofLength: 1 << 20)
            return chunk.isEmpty ? nil : Array(chunk)
        }
        buffer = []
        exhausted = false
        self.delimiter = delimiter
    }

    /// Reads CSV text held in memory (tests, small uploads).
    public init(text: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        handle = nil
        source = nil
        buffer = Array(text.utf8)
        exhausted = true
        self.delimiter = delimiter
    }

    /// Reads UTF-8 bytes from `chunks`, e.g. a file decoded by ``TextDecoding``.
    public init(delimiter: UInt8 = UInt8(ascii: ","), chunks: @escaping ChunkSource) {
        handle = nil
        source = chunks
        buffer = []
        exhausted = false
        self.delimiter = delimiter
    }

    deinit { try? handle?.close() }

    private func refill() throws(CSVError) {
        guard !exhausted, let source else { return }
        if position - rowStart >= Self.maximumRowBytes {
            throw .rowTooLong(line: rowLine, limit: Self.maximumRowBytes)
        }
        if rowStart > 0 {
            buffer.removeFirst(rowStart)
            position -= rowStart
            rowStart = 0
        }
        if let chunk = try source() { buffer.append(contentsOf: chunk) } else { exhausted = true }
    }

    func peek() throws(CSVError) -> UInt8? {
        if !checkedBOM {
            checkedBOM = true
            while buffer.count < 3 && !exhausted { try refill() }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        while position >= buffer.count && !exhausted { try refill() }
        return position < buffer.count ? buffer[position] : nil
    }

    /// The next row's fields, or `nil` at the end of input. Blank lines are skipped. A broken
    /// row throws; reading may go on after it, with the line that follows the row's first.
    public func nextRow() throws(CSVError) -> [String]? {
        guard let row = try nextRecord() else { return nil }
        return try row.fields.get()
    }

    /// The next row with its line and raw text, or `nil` at the end of input. Only errors of
    /// the input itself (unreadable, undecodable) throw; a broken row comes back as a
    /// ``CSVRow`` whose `fields` hold the error.
    public func nextRecord() throws(CSVError) -> CSVRow? {
        while let first = try peek() {
            if first == 0x0A || first == 0x0D {
                try consumeLineEnd()
                continue
            }
            rowStart = position
            rowLine = line
            do {
                let fields = try readRow()
                return CSVRow(line: rowLine, text: rawText(from: rowStart, to: position), fields: .success(fields))
            } catch {
                switch error {
                case .unterminatedQuote, .unexpectedQuote, .invalidEncoding, .rowTooLong:
                    let text = try skipFirstLine()
                    return CSVRow(line: rowLine, text: text, fields: .failure(error))
                default: throw error
                }
            }
        }
        return nil
    }

    func consumeLineEnd() throws(CSVError) {
        if try peek() == 0x0D {
            position += 1
            if try peek() == 0x0A { position += 1 }
        } else {
            position += 1
        }
        line += 1
    }

    /// Goes back to the start of a broken row and past the end of its first line, which is
    /// returned as the row's raw text (at most ``maximumRowBytes`` of it).
    private func skipFirstLine() throws(CSVError) -> String {
        position = rowStart
        line = rowLine
        var raw: [UInt8] = []
        while let byte = try peek(), byte != 0x0A, byte != 0x0D {
            if raw.count < Self.maximumRowBytes { raw.append(byte) }
            position += 1
            rowStart = position
        }
        if try peek() != nil { try consumeLineEnd() }
        rowStart = position
        return String(decoding: raw, as: UTF8.self)
    }

    /// The row's text without its line end.
    private func rawText(from start: Int, to end: Int) -> String {
        var end = end
        while end > start, buffer[end - 1] == 0x0A || buffer[end - 1] == 0x0D { end -= 1 }
        return String(decoding: buffer[start..<end], as: UTF8.self)
    }
}
