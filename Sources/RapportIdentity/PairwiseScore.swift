/// Pairwise precision, recall and F1 of predicted clusters against true clusters: every pair
/// of records placed in one predicted cluster is a predicted link, every pair in one true
/// cluster a true link.
public struct PairwiseScore: Sendable, Hashable, CustomStringConvertible {
    public let truePositives: Int
    public let predictedPairs: Int
    public let truePairs: Int

    /// Scores predicted cluster labels against true labels (one label per record, same order).
    public init<P: Hashable, T: Hashable>(predicted: [P], truth: [T]) {
        var joint: [Pair<P, T>: Int] = [:]
        var byPredicted: [P: Int] = [:]
        var byTruth: [T: Int] = [:]
        for (p, t) in zip(predicted, truth) {
            joint[Pair(p: p, t: t), default: 0] += 1
            byPredicted[p, default: 0] += 1
            byTruth[t, default: 0] += 1
        }
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        truePositives = joint.values.reduce(0) { $0 + pairs($1) }
        predictedPairs = byPredicted.values.reduce(0) { $0 + pairs($1) }
        truePairs = byTruth.values.reduce(0) { $0 + pairs($1) }
    }

    public var precision: Double {
        predictedPairs == 0 ? 1 : Double(truePositives) / Double(predictedPairs)
    }
    public var recall: Double { truePairs == 0 ? 1 : Double(truePositives) / Double(truePairs) }
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    public var description: String {
        let format = { (x: Double) in String(Double(Int((x * 10000).rounded())) / 10000) }
        return "precision \(format(precision)) recall \(format(recall)) F1 \(format(f1))"
    }

    private struct Pair<A: Hashable, B: Hashable>: Hashable {
        let p: A
        let t: B
    }
}
