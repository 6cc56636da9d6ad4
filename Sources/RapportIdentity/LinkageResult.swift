/// The outcome of a batch linkage run.
public struct LinkageResult: Sendable {
    /// The prepared table (row order equals input order).
    public let table: LinkageTable
    /// The fitted model.
    public let model: MatchModel
    /// Cluster number per input row: the smallest row number in its cluster.
    public let clusterIDs: [Int]
    /// Pairs at or above the match threshold, with their total weight.
    public let matches: [ScoredPair]
    /// Pairs in the grey zone, for clerical review.
    public let reviews: [ScoredPair]
    /// Number of compared candidate pairs.
    public let candidatePairCount: Int
    /// Merges refused by the chaining guard.
    public let refusedMerges: Int
    /// The scorer of a re-resolution with stored term frequencies (see
    /// `RecordLinkage.run(table:model:termFrequencies:)`), so explanations use them too;
    /// `nil` when the table's own counts were used.
    var storedScorer: MatchScorer? = nil

    /// The evidence for a scored pair.
    public func explain(_ pair: ScoredPair) -> MatchExplanation {
        (storedScorer ?? MatchScorer(model: model)).explain(pair.pair, table: table)
    }
}

/// A candidate pair with its total match weight.
public struct ScoredPair: Sendable, Hashable {
    /// The compared pair.
    public let pair: CandidatePair
    /// Total match weight (prior included).
    public let weight: Double
    /// Match probability.
    public var probability: Double { MatchModel.probability(weight: weight) }
}
