/// What an enrichment file did (R1.9). Every row is counted in exactly one of `applied`,
/// `unmatched`, `ambiguous` and `rejected`; those not applied are listed (up to
/// ``FileRowProblem/listLimit``) with their line and reasons.
public struct EnrichmentSummary: Codable, Sendable, Equatable {
    public var rows = 0
    /// Rows whose values were set on the person they matched.
    public var applied = 0
    public var valuesSet = 0
    /// Rows whose keys point to nobody.
    public var unmatched = 0
    /// Rows whose keys point to more than one person: nothing set.
    public var ambiguous = 0
    /// Rows that could not be read or hold a value the attribute does not take.
    public var rejected = 0
    public var problems: [FileRowProblem] = []
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
