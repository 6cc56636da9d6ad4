import Foundation

/// Unsupervised estimation of a `MatchModel` from the data itself.
///
/// `u` comes from comparing random record pairs (almost all non-matches), smoothed by one
/// pseudo-count per level. `m` and the prior come from EM over the candidate pairs with `u`
/// held fixed (as Splink does): EM only needs the counts of distinct comparison patterns, so
/// millions of pairs cost a few thousand pattern updates per iteration.
enum ExpectationMaximisation {
    /// Level frequencies among `sampleSize` random pairs, drawn with a seeded generator.
    static func estimateU(table: LinkageTable, sampleSize: Int, seed: UInt64) -> [[Double]] {
        let n = table.count
        let fields = ComparedField.allCases
        var counts = fields.map { Array(repeating: 1.0, count: $0.levelCount) }
        guard n > 1 else { return normalised(counts) }
        let total = min(sampleSize, n * (n - 1) / 2)
        let chunkCounts = ParallelChunks.map(count: total, minimumChunk: 20_000) { range in
            var rng = SeededGenerator(seed: seed &+ UInt64(range.lowerBound))
            var local = fields.map { Array(repeating: 0.0, count: $0.levelCount) }
            table.withStorage { s in
                let memo = LevelMemo()
                for _ in range {
                    let i = Int.random(in: 0..<n, using: &rng)
                    var j = Int.random(in: 0..<(n - 1), using: &rng)
                    if j >= i { j += 1 }
                    let vector = PairComparator.compare(s, i, j, memo: memo)
                    for field in fields where vector[field] > 0 {
                        local[field.rawValue][vector[field] - 1] += 1
                    }
                }
            }
            return local
        }
        for local in chunkCounts {
            for f in counts.indices { for l in counts[f].indices { counts[f][l] += local[f][l] } }
        }
        return normalised(counts)
    }

    /// Fits `m` and the prior by EM on pattern counts, starting from `model`.
    static func fit(
        _ model: MatchModel, patterns: [(vector: ComparisonVector, count: Int)], maxIterations: Int,
        updateM: Bool = true
    ) -> MatchModel {
        var model = model
        let fields = ComparedField.allCases
        let total = Double(patterns.reduce(0) { $0 + $1.count })
        guard total > 0 else { return model }
        for iteration in 1...maxIterations {
            var matched = fields.map { Array(repeating: 0.01, count: $0.levelCount) }
            var matchTotal = 0.0
            let logM = model.m.map { $0.map(log) }
            let logU = model.u.map { $0.map(log) }
            let logPrior = log(model.prior) - log(1 - model.prior)
            for (vector, count) in patterns {
                var logOdds = logPrior
                for field in fields {
                    let level = vector[field]
                    if level > 0 {
                        logOdds += logM[field.rawValue][level - 1] - logU[field.rawValue][level - 1]
                    }
                }
                let p = 1 / (1 + exp(-min(max(logOdds, -700), 700)))
                let weight = p * Double(count)
                matchTotal += weight
                for field in fields {
                    let level = vector[field]
                    if level > 0 { matched[field.rawValue][level - 1] += weight }
                }
            }
            let newM = updateM ? normalised(matched) : model.m
            let newPrior = min(max(matchTotal / total, 1e-9), 1 - 1e-9)
            var change = abs(newPrior - model.prior)
            for f in newM.indices {
                for l in newM[f].indices { change = max(change, abs(newM[f][l] - model.m[f][l])) }
            }
            model.m = newM
            model.prior = newPrior
            model.iterations = iteration
            if change < 1e-5 { break }
        }
        return model
    }

    /// Counts identical comparison vectors, with the levels of `hidden` fields set to missing,
    /// over the pairs `include` accepts.
    static func patternCounts(
        _ pairs: [CandidatePair], hiding hidden: [ComparedField] = [],
        include: @Sendable (CandidatePair) -> Bool = { _ in true }
    ) -> [(vector: ComparisonVector, count: Int)] {
        var mask = UInt64.max
        for field in hidden { mask &= ~(UInt64(0xF) << UInt64(field.rawValue * 4)) }
        let partial = ParallelChunks.map(count: pairs.count, minimumChunk: 50_000) { [mask] range in
            var counts: [UInt64: Int] = [:]
            for index in range where include(pairs[index]) { counts[pairs[index].vector.bits & mask, default: 0] += 1 }
            return counts
        }
        var merged: [UInt64: Int] = [:]
        for counts in partial { merged.merge(counts, uniquingKeysWith: +) }
        return merged.sorted { $0.key < $1.key }.map { (ComparisonVector(bits: $0.key), $0.value) }
    }

    private static func normalised(_ counts: [[Double]]) -> [[Double]] {
        counts.map { row in
            let sum = row.reduce(0, +)
            return row.map { max($0 / sum, 1e-6) }
        }
    }
}
