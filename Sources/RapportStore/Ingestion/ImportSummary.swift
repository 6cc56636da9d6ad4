import RapportCore

/// What a file import or an event stream did: how many rows became which outcome, the first
/// few problems (line and reasons), the encoding read, and — when the input could not be
/// read to its end — why it stopped. Rows before the stop are imported and stay imported.
/// Its size does not grow with the file: the rest of the problems are in the quarantine.
public struct ImportSummary: Codable, Sendable, Equatable {
    public var rows = 0
    public var matched = 0
    public var created = 0
    public var quarantined = 0
    /// The first ``ImportSummary/problemLimit`` quarantined rows.
    public var problems: [ImportProblem] = []
    /// The encoding used, e.g. `windows-1250`, and whether it was detected.
    public var encoding: String?
    /// Why reading stopped before the end of the input (an undecodable byte), if it did.
    public var stopped: String?

    /// How many problems are listed.
    public static let problemLimit = 10

    public init() {}

    /// Counts one record's outcome; `line` is where it was in the input.
    public mutating func add(_ result: IngestionResult, line: Int) {
        rows += 1
        switch result.outcome {
        case .matched: matched += 1
        case .created: created += 1
        case .quarantined:
            quarantined += 1
            if problems.count < Self.problemLimit {
                problems.append(
                    ImportProblem(
                        line: line, quarantineID: result.quarantineID,
                        reasons: result.reasons.map { "\($0.field): \($0.message)" }))
            }
        }
    }
}

/// One quarantined row: its line, its quarantine item and the reasons, each naming its field.
public struct ImportProblem: Codable, Sendable, Equatable {
    public var line: Int
    public var quarantineID: QuarantineID?
    public var reasons: [String]
}
