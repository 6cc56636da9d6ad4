/// One row as read: its first line, its raw text (line end excluded; for a broken row, its
/// first line) and its fields or the reason it could not be read.
public struct CSVRow: Sendable {
    public let line: Int
    public let text: String
    public let fields: Result<[String], CSVError>
}
