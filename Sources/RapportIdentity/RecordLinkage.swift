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
    let blocks = BlockIndex(table: table, maxBlockSize: configuration.maxBlockSize)
    let pairs = blocks.candidatePairs(table: table)
    let model = fit(table: table, pairs: pairs)
    return resolve(table: table, pairs: pairs, model: model)
  }

  /// Estimates `u` from random pairs and `m` and the prior by EM on `pairs`.
  public func fit(table: LinkageTable, pairs: [CandidatePair]) -> MatchModel {
    let u = ExpectationMaximisation.estimateU(
      table: table, sampleSize: configuration.randomPairSample, seed: configuration.seed)
    let start = MatchModel.initial(
      u: u, termFrequencyBoostLimit: configuration.termFrequencyBoostLimit)
    return ExpectationMaximisation.fit(
      start, patterns: ExpectationMaximisation.patternCounts(pairs),
      maxIterations: configuration.maxEMIterations)
  }

  /// Scores `pairs` with `model`, decides and clusters.
  public func resolve(table: LinkageTable, pairs: [CandidatePair], model: MatchModel)
    -> LinkageResult
  {
    let scorer = MatchScorer(model: model)
    let matchWeight = MatchModel.weight(probability: configuration.matchThreshold)
    let reviewWeight = MatchModel.weight(probability: configuration.reviewThreshold)
    let cannotWeight = MatchModel.weight(probability: configuration.cannotLinkThreshold)
    let scored = ParallelChunks.map(count: pairs.count, minimumChunk: 20_000) { range in
      var matches: [ScoredPair] = []
      var reviews: [ScoredPair] = []
      var strongNonMatches: [CandidatePair] = []
      for index in range {
        let pair = pairs[index]
        let weight = scorer.weight(pair, table: table)
        if weight >= matchWeight {
          matches.append(ScoredPair(pair: pair, weight: weight))
        } else if weight >= reviewWeight {
          reviews.append(ScoredPair(pair: pair, weight: weight))
        } else if weight < cannotWeight {
          strongNonMatches.append(pair)
        }
      }
      return (matches, reviews, strongNonMatches)
    }
    let matches = scored.flatMap { $0.0 }.sorted { $0.weight > $1.weight }
    var builder = ClusterBuilder(count: table.count)
    var linked = Array(repeating: false, count: table.count)
    for scoredPair in matches {
      linked[Int(scoredPair.pair.a)] = true
      linked[Int(scoredPair.pair.b)] = true
    }
    for chunk in scored {
      for pair in chunk.2 where linked[Int(pair.a)] && linked[Int(pair.b)] {
        builder.forbid(pair.a, pair.b)
      }
    }
    for scoredPair in matches { builder.merge(scoredPair.pair.a, scoredPair.pair.b) }
    return LinkageResult(
      table: table, model: model, clusterIDs: builder.clusterIDs(), matches: matches,
      reviews: scored.flatMap { $0.1 }, candidatePairCount: pairs.count,
      refusedMerges: builder.refusedMerges)
  }
}
