import Foundation

/// A streaming CSV reader: RFC 4180 quoting (`""` escapes, line breaks inside quotes), a UTF-8
/// BOM, LF, CRLF or CR line ends, and FEBRL's `, ` separator (spaces around unquoted fields
/// are trimmed). The file is read in 1 MiB chunks, so memory stays constant for any size.
///
/// Broken input throws `CSVError` naming the line; it never traps.
public final class CSVReader {
    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var position = 0
    private var exhausted: Bool
    private let delimiter: UInt8
    /// Line number (1-based) where the next row starts.
    public private(set) var line = 1

    /// Reads the file at `path`.
    public init(path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(CSVError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "no such file or no permission")
        }
        self.handle = handle
        self.buffer = []
        self.exhausted = false
        self.delimiter = delimiter
        refill()
        skipBOM()
    }

    /// Reads CSV text held in memory (tests, small uploads).
    public init(text: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        handle = nil
        buffer = Array(text.utf8)
        exhausted = true
        self.delimiter = delimiter
        skipBOM()
    }

    deinit { try? handle?.close() }

    private func skipBOM() {
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    private func refill() {
        guard !exhausted, let handle else { return }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = handle.readData(ofLength: 1 << 20)
        if chunk.isEmpty { exhausted = true } else { buffer.append(contentsOf: chunk) }
    }

    private func peek() -> UInt8? {
        if position >= buffer.count { refill() }
        return position < buffer.count ? buffer[position] : nil
    }

    /// The next row's fields, or `nil` at the end of input. Blank lines are skipped.
    public func nextRow() throws(CSVError) -> [String]? {
        while true {
            guard let first = peek() else { return nil }
            if first == 0x0A || first == 0x0D {
                consumeLineEnd()
                continue
            }
            return try readRow()
        }
    }

    private func consumeLineEnd() {
        if peek() == 0x0D {
            position += 1
            if peek() == 0x0A { position += 1 }
        } else {
            position += 1
        }
        line += 1
    }

    private func readRow() throws(CSVError) -> [String] {
        let rowLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            field.removeAll(keepingCapacity: true)
            while peek() == 0x20 || peek() == 0x09 { position += 1 }
            if peek() == 0x22 {
                position += 1
                try readQuoted(into: &field, startLine: line)
                while peek() == 0x20 || peek() == 0x09 { position += 1 }
                if let next = peek(), next != delimiter, next != 0x0A, next != 0x0D {
                    throw .unexpectedQuote(line: line, field: fields.count + 1)
                }
            } else {
                while let byte = peek(), byte != delimiter, byte != 0x0A, byte != 0x0D {
                    if byte == 0x22 { throw .unexpectedQuote(line: line, field: fields.count + 1) }
                    field.append(byte)
                    position += 1
                }
                while field.last == 0x20 || field.last == 0x09 { field.removeLast() }
            }
            guard let text = String(validating: field, as: UTF8.self) else {
                throw .invalidEncoding(line: rowLine)
            }
            fields.append(text)
            guard let next = peek() else { return fields }
            if next == delimiter {
                position += 1
                continue
            }
            consumeLineEnd()
            return fields
        }
    }

    private func readQuoted(into field: inout [UInt8], startLine: Int) throws(CSVError) {
        while true {
            guard let byte = peek() else { throw .unterminatedQuote(line: startLine) }
            position += 1
            if byte == 0x22 {
                if peek() == 0x22 {
                    field.append(0x22)
                    position += 1
                } else {
                    return
                }
            } else {
                if byte == 0x0A || (byte == 0x0D && peek() != 0x0A) { line += 1 }
                field.append(byte)
            }
        }
    }
}
