/// A row of a movers or enrichment file that was not applied, and why; `line` is its line
/// in the file.
public struct FileRowProblem: Codable, Sendable, Equatable {
    public var line: Int
    /// `ambiguous`, `no_match` or `rejected` (the row could not be read or used).
    public var status: String
    public var reasons: [String]

    public init(line: Int, status: String, reasons: [String]) {
        self.line = line
        self.status = status
        self.reasons = reasons
    }

    /// How many problems a summary lists; the counts always cover every row.
    public static let listLimit = 1000
}
