/// Settings of a linkage run. The defaults are the unsupervised configuration used on every
/// data set (no labels, no per-data-set tuning).
public struct LinkageConfiguration: Sendable {
    /// Pairs with a match probability at or above this are merged.
    public var matchThreshold: Double = 0.95
    /// Pairs between this and `matchThreshold` go to clerical review.
    public var reviewThreshold: Double = 0.5
    /// A pair below this probability is strong evidence of two different people; clustering
    /// refuses a merge that would put such a pair in one cluster (guard against chaining).
    public var cannotLinkThreshold: Double = 0.001
    /// When true, a pair that disagrees on an identity field — given names "different" or
    /// "unrelated", birth dates "different" or ten or more years apart — is never merged
    /// automatically (at most sent to review) and is kept apart by clustering: twins, siblings
    /// and a father and son of one name share surname, address and phone, and that correlated
    /// evidence would otherwise outweigh the identity fields.
    ///
    /// The veto adapts to the data: it applies to a level only when the fitted model says that
    /// level is rare among true matches (`m` below `identityConflictMaximumM`). Where the
    /// data's duplicates often carry unrelated given names (heavily corrupted files such as
    /// FEBRL), the evidence is left to the weights alone.
    public var identityConflictVeto: Bool = true
    /// See `identityConflictVeto`.
    public var identityConflictMaximumM: Double = 0.01
    /// Blocks with more records than this are skipped for their key.
    public var maxBlockSize: Int = 300
    /// Blocks up to this size compare every pair; larger ones compare each record with its
    /// `blockWindow` neighbours in the key's secondary order (see `BlockIndex`).
    public var fullComparisonBlockSize: Int = 10
    /// Neighbours compared in a large block.
    public var blockWindow: Int = 8
    /// Of the `blockWindow` neighbours in a large block, the nearest this many are always
    /// compared; the farther ones only when they agree on the key's secondary field.
    public var blockCrossWindow: Int = 2
    /// Random pairs compared to estimate `u`.
    public var randomPairSample: Int = 400_000
    /// Upper bound on EM iterations.
    public var maxEMIterations: Int = 60
    /// Bound on the term-frequency boost of a rare agreeing value (see `MatchModel`).
    public var termFrequencyBoostLimit: Double = 16
    /// How raw records become matching forms.
    public var normaliser = PersonNormaliser()
    /// Seed of the random pair sample.
    public var seed: UInt64 = 0x5EED

    /// The default configuration.
    public init() {}
}
