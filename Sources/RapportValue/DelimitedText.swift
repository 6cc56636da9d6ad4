import Foundation
import RapportCore

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

    /// Comma-separated fields of one line (RFC 4180 quoting: a quoted field may hold commas
    /// and doubled quotes; fields spanning lines are not supported). Unquoted fields are trimmed.
    static func csvFields(_ line: Substring) -> [Substring] {
        var fields: [Substring] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var characters = line.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" {
                    quoted = false
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                if wasQuoted { current.append("\"") }
                quoted = true
                wasQuoted = true
            } else if c == "," {
                fields.append(finish(current, wasQuoted))
                (current, wasQuoted) = ("", false)
            } else {
                current.append(c)
            }
        }
        fields.append(finish(current, wasQuoted))
        return fields
    }

    private static func finish(_ field: String, _ wasQuoted: Bool) -> Substring {
        wasQuoted ? Substring(field) : Substring(field.trimmingSpaces())
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
