/// A pair of rows that share a blocking key, with the comparison of their fields.
public struct CandidatePair: Sendable, Hashable {
    /// Row of the first record (always the smaller row number).
    public let a: Int32
    /// Row of the second record.
    public let b: Int32
    /// Field-by-field comparison levels.
    public let vector: ComparisonVector
}
