/// Why a CSV file, a row of it, or its column mapping cannot be read. Each case names the
/// line, the byte offset or the column.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    /// A quote appears inside an unquoted field, or text follows a closing quote.
    case unexpectedQuote(line: Int, field: Int)
    /// The bytes of `line` are not valid UTF-8 (e.g. a Latin-2 or Windows-1250 export).
    case invalidEncoding(line: Int)
    /// A row runs past ``CSVReader/maximumRowBytes`` (usually a quote that never closes).
    case rowTooLong(line: Int, limit: Int)
    /// The file's bytes cannot be read as text in its encoding; reading stops there.
    case undecodable(TextDecodingError)
    /// A row has more fields than the header.
    case tooManyFields(line: Int, expected: Int, found: Int)
    /// The file has no header row.
    case emptyFile
    /// The file cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// No id column: none of the recognised names is present and none was given.
    case missingIDColumn(tried: [String])
    /// A column named in the mapping (or `--id-column`) is not in the header.
    case missingColumn(String)
    /// A mapping names an attribute the engine does not know; `known` lists the ones it does.
    case unknownAttribute(String, known: [String])
    /// A mapping entry is not of the form `column=attribute`.
    case malformedMapping(String)

    public var description: String {
        switch self {
        case .unterminatedQuote(let line): return "line \(line): quoted field is never closed"
        case .unexpectedQuote(let line, let field):
            return
                "line \(line), field \(field): unexpected quote (quote inside an unquoted field or text after a closing quote)"
        case .rowTooLong(let line, let limit):
            return "line \(line): the row runs past \(limit) bytes (is a quote left open?)"
        case .undecodable(let error): return error.description
        case .invalidEncoding(let line):
            return "line \(line): not valid UTF-8 (convert the file to UTF-8)"
        case .tooManyFields(let line, let expected, let found):
            return "line \(line): \(found) fields, header has \(expected)"
        case .emptyFile: return "the file is empty (a header row is required)"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .missingIDColumn(let tried):
            return "no id column (tried \(tried.joined(separator: ", "))); name one with --id-column"
        case .missingColumn(let column): return "column '\(column)' is not in the header"
        case .unknownAttribute(let name, let known):
            return "unknown attribute '\(name)' (known: \(known.joined(separator: ", ")))"
        case .malformedMapping(let entry):
            return "mapping '\(entry)' is not of the form column=attribute"
        }
    }
}
