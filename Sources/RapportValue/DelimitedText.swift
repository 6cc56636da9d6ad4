/// Splitting text files into rows and fields, for the summary and transaction parsers.
enum DelimitedText {
    /// Non-empty lines with their 1-based line numbers (`\n` or `\r\n` endings; Swift reads
    /// `\r\n` as one newline character).
    static func lines(_ text: String) -> [(number: Int, content: Substring)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .compactMap { index, line in
                line.allSatisfy(\.isWhitespace) ? nil : (index + 1, line)
            }
    }

    /// Comma-separated fields, trimmed, with surrounding double quotes removed (no embedded commas).
    static func csvFields(_ line: Substring) -> [Substring] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { field in
            var f = field.drop { $0.isWhitespace }
            while f.last?.isWhitespace == true { f = f.dropLast() }
            if f.count >= 2, f.first == "\"", f.last == "\"" { f = f.dropFirst().dropLast() }
            return f
        }
    }

    /// The position of the first header name found among `aliases` (case-insensitive).
    static func column(_ header: [Substring], _ aliases: [String]) -> Int? {
        let lowered = header.map { $0.lowercased() }
        for alias in aliases {
            if let index = lowered.firstIndex(of: alias) { return index }
        }
        return nil
    }

    /// A finite number, or a `malformedLine` error naming the column.
    static func number(_ field: Substring, column: String, line: Int) throws(ValueModelError)
        -> Double
    {
        guard let value = Double(field) else {
            throw .malformedLine(line: line, reason: "\(column) '\(field)' is not a number")
        }
        guard value.isFinite else {
            throw .malformedLine(line: line, reason: "\(column) '\(field)' is not a finite number")
        }
        return value
    }
}
