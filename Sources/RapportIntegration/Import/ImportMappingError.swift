/// Why a column mapping cannot be used. Each case names the key of the mapping file (or the
/// column) at fault, and the message says what would be accepted.
public enum ImportMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The mapping is not a JSON object.
    case malformed(String)
    /// A required key is absent or empty (`columns`).
    case missingKey(String)
    /// A key the mapping format does not have (a misspelling, usually).
    case unknownKey(String)
    /// `key` holds `value`, which is not one of `allowed`.
    case invalidValue(key: String, value: String, allowed: [String])
    /// Two columns fill the same target.
    case duplicateTarget(target: String, columns: [String])
    /// A mapped column is not in the file's header.
    case missingColumn(String, header: [String])

    public var description: String {
        switch self {
        case .malformed(let reason): "mapping: \(reason)"
        case .missingKey(let key): "mapping: '\(key)' is required"
        case .unknownKey(let key):
            "mapping: '\(key)' is not a mapping key (keys: columns, encoding, delimiter, dateFormat)"
        case .invalidValue(let key, let value, let allowed):
            "mapping: \(key) '\(value)' is not one of \(allowed.joined(separator: ", "))"
        case .duplicateTarget(let target, let columns):
            "mapping: columns \(columns.map { "'\($0)'" }.joined(separator: " and ")) both fill '\(target)'"
        case .missingColumn(let column, let header):
            "mapping: column '\(column)' is not in the file's header (header: \(header.map { "'\($0)'" }.joined(separator: ", ")))"
        }
    }
}
