import RapportIntegration

/// What an import reads: a file, streamed, or bytes already received (an upload).
public enum ImportInput: Sendable {
    case file(path: String)
    case bytes([UInt8])
}

/// Why an import could not start. Nothing has been ingested when one of these is thrown.
public enum CSVImportError: Error, CustomStringConvertible {
    case unreadable(path: String)
    case emptyFile
    /// The header row is broken (quoting, encoding).
    case header(CSVError)
    /// The mapping does not fit the header.
    case mapping(ImportMappingError)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path): no such file or no permission"
        case .emptyFile: "the file is empty (a header row is required)"
        case .header(let error): "header: \(error.description)"
        case .mapping(let error): error.description
        }
    }
}
