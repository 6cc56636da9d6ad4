/// Incremental resolution: an in-memory index of a resolved population that decides, for each
/// arriving record, whether it is a known person, a new one, or a case for review — with the
/// model the batch run fitted, so both paths judge a pair the same way.
///
/// The arriving record is compared with the rows sharing any of its blocking keys (keys
/// shared by more than `maxBlockSize` rows are skipped, as in batch). It joins the cluster of
/// its strongest match unless it conflicts on an identity field with a member of that cluster
/// seen among the candidates (the batch chaining guard); it is then added to the index, so later records meet it.
public struct PopulationIndex: Sendable {
    /// The rows indexed so far (batch rows first, then arrivals in order).
    public private(set) var table: LinkageTable
    /// Cluster number per row.
    public private(set) var clusterIDs: [Int]
    private let model: MatchModel
    private let configuration: LinkageConfiguration
    private let scorer: MatchScorer
    private let conflictLevels: UInt64
    private var postings: [UInt64: [Int32]] = [:]

    /// An index over the outcome of a batch run, using its fitted model.
    public init(result: LinkageResult, configuration: LinkageConfiguration = LinkageConfiguration()) {
        table = result.table
        clusterIDs = result.clusterIDs
        model = result.model
        self.configuration = configuration
        scorer = MatchScorer(model: result.model)
        conflictLevels = RecordLinkage.conflictLevels(
            model: result.model, maximumM: configuration.identityConflictMaximumM)
        for row in 0..<table.count { index(row: row) }
    }

    /// Resolves `record`, adds it to the index and returns the decision.
    public mutating func resolve(_ record: PersonRecord) -> Resolution {
        let row = table.append(id: record.id, configuration.normaliser.normalise(record))
        var scored: [ScoredPair] = []
        table.withStorage { s in
            var seen = Set<Int32>()
            for key in BlockingKey.allCases {
                let value = key.key(s, row: row)
                guard value != 0, let rows = postings[value], rows.count <= configuration.maxBlockSize else { continue }
                for other in rows where seen.insert(other).inserted {
                    let pair = CandidatePair(
                        a: other, b: Int32(row), vector: PairComparator.compare(s, Int(other), row))
                    scored.append(ScoredPair(pair: pair, weight: scorer.weight(pair, table: table)))
                }
            }
        }
        index(row: row)
        scored.sort { $0.weight > $1.weight }
        let matchWeight = MatchModel.weight(probability: configuration.matchThreshold)
        let reviewWeight = MatchModel.weight(probability: configuration.reviewThreshold)
        let conflicting = Set(
            scored.filter { RecordLinkage.hasIdentityConflict($0.pair.vector, levels: conflictLevels) }.map {
                clusterIDs[Int($0.pair.a)]
            })
        if let best = scored.first(where: {
            $0.weight >= matchWeight && !conflicting.contains(clusterIDs[Int($0.pair.a)])
        }) {
            let cluster = clusterIDs[Int(best.pair.a)]
            clusterIDs.append(cluster)
            return .match(clusterID: cluster, explanation: scorer.explain(best.pair, table: table))
        }
        clusterIDs.append(row)
        let grey = scored.filter { $0.weight >= reviewWeight }
        guard !grey.isEmpty else { return .new(clusterID: row) }
        return .review(clusterID: row, candidates: grey.map { scorer.explain($0.pair, table: table) })
    }

    private mutating func index(row: Int) {
        let keys = table.withStorage { s in BlockingKey.allCases.map { $0.key(s, row: row) } }
        for value in keys where value != 0 { postings[value, default: []].append(Int32(row)) }
    }
}
