/// Splits a byte stream into lines as the chunks arrive, holding only the line in progress.
/// LF or CR LF ends a line; blank lines are skipped but counted, so line numbers are those
/// of the body as sent.
struct NDJSONLines {
    struct Line {
        let number: Int
        let text: String
        let validUTF8: Bool
        /// The line was longer than the limit and `text` holds only its start.
        let truncated: Bool
    }

    let maximumLineBytes: Int
    private var current: [UInt8] = []
    private var truncated = false
    private var number = 1

    init(maximumLineBytes: Int) { self.maximumLineBytes = maximumLineBytes }

    /// The lines completed by `chunk`.
    mutating func append(_ chunk: some Collection<UInt8>) -> [Line] {
        var lines: [Line] = []
        for byte in chunk {
            if byte == 0x0A {
                if let line = take() { lines.append(line) }
                number += 1
            } else if current.count < maximumLineBytes {
                current.append(byte)
            } else {
                truncated = true
            }
        }
        return lines
    }

    /// The last line, when the body does not end with a line feed.
    mutating func finish() -> Line? { take() }

    private mutating func take() -> Line? {
        defer {
            current.removeAll(keepingCapacity: true)
            truncated = false
        }
        if current.last == 0x0D { current.removeLast() }
        guard current.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        let valid = String(validating: current, as: UTF8.self)
        return Line(
            number: number, text: valid ?? String(decoding: current, as: UTF8.self), validUTF8: valid != nil,
            truncated: truncated)
    }
}
