import Foundation
import RapportCore

/// A mapping checked against a file's header: each target with its column's position. Built
/// before any data row is read, so a mapping naming a missing column stops the import at once.
public struct BoundMapping: Sendable {
    public let header: [String]
    let targets: [(index: Int, target: ImportTarget)]
    let dateFormat: ImportDateFormat

    /// Binds `mapping` to `header`. Column names match after trimming spaces, and without
    /// regard to case when no column matches exactly.
    public init(_ mapping: ImportMapping, header: [String]) throws(ImportMappingError) {
        self.header = header
        let trimmed = header.map { $0.trimmingSpaces() }
        var targets: [(index: Int, target: ImportTarget)] = []
        for (column, target) in mapping.columns {
            let name = column.trimmingSpaces()
            guard
                let index = trimmed.firstIndex(of: name)
                    ?? trimmed.firstIndex(where: { $0.lowercased() == name.lowercased() })
            else { throw .missingColumn(column, header: header) }
            targets.append((index, target))
        }
        self.targets = targets
        dateFormat = mapping.dateFormat
    }

    /// The record one row of fields makes, or the issues that keep it from being one: a row
    /// whose field count differs from the header's is not guessed at.
    public func record(_ fields: [String]) -> Result<IngestRecord, DomainError> {
        guard fields.count == header.count else {
            let issue: FieldIssue
            if fields.count < header.count {
                let missing = header[fields.count...].map { "'\($0)'" }.joined(separator: ", ")
                issue = FieldIssue(
                    field: "row", code: "missing_columns",
                    message: "The row has \(fields.count) fields, the header \(header.count): no value for \(missing).")
            } else {
                issue = FieldIssue(
                    field: "row", code: "extra_columns",
                    message: "The row has \(fields.count) fields, the header only \(header.count) (is a separator unquoted?).")
            }
            return .failure(.invalid([issue]))
        }
        var record = IngestRecord()
        for (index, target) in targets {
            let value = fields[index].trimmingSpaces()
            if !value.isEmpty { target.apply(value, to: &record, dates: dateFormat) }
        }
        return .success(record)
    }
}
