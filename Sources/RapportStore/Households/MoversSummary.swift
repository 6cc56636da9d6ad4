/// What a movers file did (R1.6). Every row is counted in exactly one of `matched`,
/// `ambiguous`, `unmatched` and `rejected`; those not applied are listed (up to
/// ``FileRowProblem/listLimit``) with their line and reasons.
public struct MoversSummary: Codable, Sendable, Equatable {
    public var rows = 0
    /// Rows that moved somebody.
    public var matched = 0
    public var movedPeople = 0
    /// Households that moved as a whole.
    public var movedHouseholds = 0
    /// Rows that fit several people or households: nobody moved, decide by hand.
    public var ambiguous = 0
    /// Rows nobody at the old address fits.
    public var unmatched = 0
    /// Rows that could not be read (broken quoting, a bad date or address).
    public var rejected = 0
    public var problems: [FileRowProblem] = []
    /// Columns of the file that fill no field and were not read.
    public var ignoredColumns: [String] = []
    public var encoding: String?
    /// Why reading stopped before the end, if it did; the rows before it are applied.
    public var stopped: String?

    public init() {}

    mutating func problem(_ line: Int, _ status: String, _ reasons: [String]) {
        if problems.count < FileRowProblem.listLimit {
            problems.append(FileRowProblem(line: line, status: status, reasons: reasons))
        }
    }
}
