/// Batch probabilistic record linkage: normalise, block, compare, fit the model by EM, score,
/// and cluster with the chaining guard.
public struct RecordLinkage: Sendable {
    /// Settings of the run.
    public var configuration: LinkageConfiguration

    /// A linkage with the given configuration.
    public init(configuration: LinkageConfiguration = LinkageConfiguration()) {
        self.configuration = configuration
    }

    /// Resolves `records` into clusters, fitting a fresh model to them.
    public func run(_ records: [PersonRecord]) -> LinkageResult {
        run(table: LinkageTable(records: records, normaliser: configuration.normaliser))
    }

    /// Resolves an already prepared table.
    public func run(table: LinkageTable) -> LinkageResult {
        let blocks = BlockIndex(table: table, configuration: configuration)
        let pairs = blocks.candidatePairs(table: table)
        let model = ModelTraining.train(table: table, pairs: pairs, blocks: blocks, configuration: configuration)
        return resolve(table: table, pairs: pairs, model: model)
    }

    /// Fits a model to `table` without resolving it (for incremental resolution).
    public func fitModel(table: LinkageTable) -> MatchModel {
        let blocks = BlockIndex(table: table, configuration: configuration)
        let pairs = blocks.candidatePairs(table: table)
        return ModelTraining.train(table: table, pairs: pairs, blocks: blocks, configuration: configuration)
    }

    /// Re-resolves `table` with a model fitted before (batch re-resolution of a store): the
    /// same blocking as `run`, but pairs are scored with `model` and the stored
    /// `termFrequencies`, exactly as incremental resolution (`LooseMatcher`) scores them.
    public func run(table: LinkageTable, model: MatchModel, termFrequencies: TermFrequencies) -> LinkageResult {
        let pairs = BlockIndex(table: table, configuration: configuration).candidatePairs(table: table)
        let scorer = MatchScorer(model: model, termFrequencies: termFrequencies, table: table)
        var result = resolve(table: table, pairs: pairs, model: model, scorer: scorer)
        result.storedScorer = scorer
        return result
    }

    /// Scores `pairs` with `model`, decides and clusters.
    public func resolve(table: LinkageTable, pairs: [CandidatePair], model: MatchModel)
        -> LinkageResult
    {
        resolve(table: table, pairs: pairs, model: model, scorer: MatchScorer(model: model))
    }

    private func resolve(table: LinkageTable, pairs: [CandidatePair], model: MatchModel, scorer: MatchScorer)
        -> LinkageResult
    {
        let matchWeight = MatchModel.weight(probability: configuration.matchThreshold)
        let reviewWeight = MatchModel.weight(probability: configuration.reviewThreshold)
        let cannotWeight = MatchModel.weight(probability: configuration.cannotLinkThreshold)
        let vetoes = configuration.identityConflictVeto
        let vetoed = Self.conflictLevels(model: model, maximumM: configuration.identityConflictMaximumM)
        let isConflict = { @Sendable (pair: CandidatePair) in
            vetoes && Self.hasIdentityConflict(pair.vector, levels: vetoed)
        }
        let scored = ParallelChunks.map(count: pairs.count, minimumChunk: 20_000) { range in
            var matches: [ScoredPair] = []
            var reviews: [ScoredPair] = []
            for index in range {
                let pair = pairs[index]
                let weight = scorer.weight(pair, table: table)
                if weight >= matchWeight && !isConflict(pair) {
                    matches.append(ScoredPair(pair: pair, weight: weight))
                } else if weight >= reviewWeight {
                    reviews.append(ScoredPair(pair: pair, weight: weight))
                }
            }
            return (matches, reviews)
        }
        let matches = scored.flatMap { $0.0 }.sorted { $0.weight > $1.weight }
        var builder = ClusterBuilder(count: table.count)
        var linked = Array(repeating: false, count: table.count)
        for scoredPair in matches {
            linked[Int(scoredPair.pair.a)] = true
            linked[Int(scoredPair.pair.b)] = true
        }
        // Strong non-matches matter only between two rows that some match links; finding them in
        // a second pass, once `linked` is known, keeps them from being collected for every pair.
        let strongNonMatches = ParallelChunks.map(count: pairs.count, minimumChunk: 20_000) { [linked] range in
            var found: [CandidatePair] = []
            for index in range {
                let pair = pairs[index]
                guard linked[Int(pair.a)] && linked[Int(pair.b)] else { continue }
                if isConflict(pair) || scorer.weight(pair, table: table) < cannotWeight { found.append(pair) }
            }
            return found
        }
        for chunk in strongNonMatches {
            for pair in chunk { builder.forbid(pair.a, pair.b) }
        }
        for scoredPair in matches { builder.merge(scoredPair.pair.a, scoredPair.pair.b) }
        return LinkageResult(
            table: table, model: model, clusterIDs: builder.clusterIDs(), matches: matches,
            reviews: scored.flatMap { $0.1 }, candidatePairCount: pairs.count,
            refusedMerges: builder.refusedMerges)
    }

    /// Identity fields (given name, birth date) whose disagreement levels the model finds rare
    /// among true matches: a bit per (field, level), as `1 << (field * 8 + level)`.
    static func conflictLevels(model: MatchModel, maximumM: Double) -> UInt64 {
        var bits: UInt64 = 0
        for (field, first) in [(ComparedField.givenName, 4), (.dateOfBirth, 4)] {
            for level in first...field.levelCount where model.m[field.rawValue][level - 1] < maximumM {
                bits |= 1 << UInt64((field == .givenName ? 0 : 8) + level)
            }
        }
        return bits
    }

    /// Whether the pair disagrees on an identity field at a vetoed level.
    static func hasIdentityConflict(_ vector: ComparisonVector, levels: UInt64) -> Bool {
        levels & (1 << UInt64(vector[.givenName])) != 0 || levels & (1 << UInt64(8 + vector[.dateOfBirth])) != 0
    }
}
