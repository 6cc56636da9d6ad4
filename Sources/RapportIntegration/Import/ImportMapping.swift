import Foundation
import RapportCore

/// How the columns of a CSV file become ingested records, read from a JSON mapping file:
///
/// ```json
/// {"columns": {"Imię": "givenName", "Nazwisko": "familyName", "E-mail": "email",
///              "Nr klienta": "externalID", "shoe_size": "attributes.shoe_size"},
///  "encoding": "auto", "delimiter": ";", "dateFormat": "dd.mm.yyyy"}
/// ```
///
/// Only `columns` is required; columns of the file not named in it are kept in the raw
/// record but not read. `encoding` defaults to `auto` (see ``TextDecoding``), `delimiter` to
/// `,`, `dateFormat` to `yyyy-mm-dd`.
public struct ImportMapping: Sendable {
    /// Column name → target, in column-name order.
    public let columns: [(column: String, target: ImportTarget)]
    /// The file's encoding, or nil to detect it.
    public let encoding: TextEncoding?
    public let delimiter: UInt8
    public let dateFormat: ImportDateFormat

    public init(
        columns: [(column: String, target: ImportTarget)], encoding: TextEncoding? = nil,
        delimiter: UInt8 = UInt8(ascii: ","), dateFormat: ImportDateFormat = .isoDate
    ) {
        self.columns = columns
        self.encoding = encoding
        self.delimiter = delimiter
        self.dateFormat = dateFormat
    }

    /// The delimiters a mapping may name, by how it names them.
    static let delimiters: [(name: String, byte: UInt8)] = [
        (",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("tab", 0x09), ("|", UInt8(ascii: "|")),
    ]

    /// Reads a mapping file's JSON, with an error naming the first key at fault.
    public init(json: some Sequence<UInt8>) throws(ImportMappingError) {
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: Data(json))
        } catch {
            throw .malformed("not a JSON object (\(error.localizedDescription))")
        }
        for key in object.keys.sorted() where !["columns", "encoding", "delimiter", "dateFormat"].contains(key) {
            throw .unknownKey(key)
        }
        guard case .object(let entries)? = object["columns"], !entries.isEmpty else { throw .missingKey("columns") }
        var columns: [(column: String, target: ImportTarget)] = []
        var filledBy: [ImportTarget: String] = [:]
        for column in entries.keys.sorted() {
            guard case .string(let name)? = entries[column], let target = ImportTarget(name: name) else {
                let value = if case .string(let name)? = entries[column] { name } else { "(not a string)" }
                throw .invalidValue(key: "columns.\(column)", value: value, allowed: ImportTarget.knownNames)
            }
            if let other = filledBy[target] { throw .duplicateTarget(target: target.description, columns: [other, column]) }
            filledBy[target] = column
            columns.append((column, target))
        }
        self.columns = columns
        // "utf-16" leaves the byte order to the byte order mark, which detection reads.
        let encodingName = try Self.option(object, "encoding", default: "auto") { label in
            ["auto", "utf-16", "utf16"].contains(label.lowercased()) || TextEncoding(label: label) != nil ? label : nil
        }
        encoding = TextEncoding(label: encodingName)
        delimiter = try Self.option(object, "delimiter", default: UInt8(ascii: ",")) { name in
            Self.delimiters.first { $0.name == name || (name == "\t" && $0.name == "tab") }?.byte
        }
        dateFormat = try Self.option(object, "dateFormat", default: .isoDate) { ImportDateFormat(rawValue: $0.lowercased()) }
    }

    private static func option<T>(
        _ object: [String: JSONValue], _ key: String, default value: T, _ read: (String) -> T?
    ) throws(ImportMappingError) -> T {
        guard let raw = object[key] else { return value }
        if case .string(let text) = raw, let parsed = read(text) { return parsed }
        let shown = if case .string(let text) = raw { text } else { "(not a string)" }
        let allowed: [String] =
            switch key {
            case "encoding": ["auto"] + TextEncoding.allCases.map(\.rawValue) + ["utf-16"]
            case "delimiter": delimiters.map(\.name)
            default: ImportDateFormat.allCases.map(\.rawValue)
            }
        throw .invalidValue(key: key, value: shown, allowed: allowed)
    }
}
