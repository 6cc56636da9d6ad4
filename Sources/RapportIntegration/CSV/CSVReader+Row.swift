/// Reading the fields of one row: quoted fields with `""` escapes and line breaks, padding
/// around unquoted fields trimmed (a tab is padding only when it is not the separator).
extension CSVReader {
    func readRow() throws(CSVError) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            field.removeAll(keepingCapacity: true)
            try skipPadding()
            if try peek() == 0x22 {
                position += 1
                try readQuoted(into: &field, startLine: line)
                try skipPadding()
                if let next = try peek(), next != delimiter, next != 0x0A, next != 0x0D {
                    throw .unexpectedQuote(line: line, field: fields.count + 1)
                }
            } else {
                while let byte = try peek(), byte != delimiter, byte != 0x0A, byte != 0x0D {
                    if byte == 0x22 { throw .unexpectedQuote(line: line, field: fields.count + 1) }
                    field.append(byte)
                    position += 1
                }
                while let last = field.last, isPadding(last) { field.removeLast() }
            }
            guard let text = String(validating: field, as: UTF8.self) else {
                throw .invalidEncoding(line: rowLine)
            }
            fields.append(text)
            guard let next = try peek() else { return fields }
            if next == delimiter {
                position += 1
                continue
            }
            try consumeLineEnd()
            return fields
        }
    }

    private func isPadding(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte == 0x09 && delimiter != 0x09)
    }

    private func skipPadding() throws(CSVError) {
        while let byte = try peek(), isPadding(byte) { position += 1 }
    }

    private func readQuoted(into field: inout [UInt8], startLine: Int) throws(CSVError) {
        while true {
            guard let byte = try peek() else { throw .unterminatedQuote(line: startLine) }
            position += 1
            if byte == 0x22 {
                if try peek() == 0x22 {
                    field.append(0x22)
                    position += 1
                } else {
                    return
                }
            } else {
                if byte == 0x0A {
                    line += 1
                } else if byte == 0x0D, try peek() != 0x0A {
                    line += 1
                }
                field.append(byte)
            }
        }
    }
}
