import Foundation

/// Scores compared pairs with a `MatchModel`, including the term-frequency adjustment.
///
/// For an exact agreement on a field with `usesTermFrequency`, the model's average `u` is
/// replaced by the frequency of the agreeing value: two records sharing "Smith" are less
/// likely to be the same person than two sharing "Sondergeld". The boost for rare values is
/// bounded by `termFrequencyBoostLimit`.
struct MatchScorer: Sendable {
    let model: MatchModel
    private let weights: [[Double]]
    private let exactM: [Double]
    private let uFloor: [Double]
    /// Frequencies by value id of the scored table from stored `TermFrequencies`; `nil` to use
    /// the table's own counts (a batch run scoring the table it fitted on).
    private let storedFrequencies: [Double]?

    init(model: MatchModel) {
        self.init(model: model, storedFrequencies: nil)
    }

    /// A scorer of pairs of `table` whose term frequencies come from `termFrequencies`.
    init(model: MatchModel, termFrequencies: TermFrequencies, table: LinkageTable) {
        self.init(model: model, storedFrequencies: termFrequencies.byValueID(table))
    }

    private init(model: MatchModel, storedFrequencies: [Double]?) {
        self.model = model
        self.storedFrequencies = storedFrequencies
        weights = ComparedField.allCases.map { field in
            [0] + (1...field.levelCount).map { model.weight(field, level: $0) }
        }
        exactM = model.m.map { $0[0] }
        uFloor = model.u.map { $0[0] / model.termFrequencyBoostLimit }
    }

    /// Weight of one field's level for the pair `(i, j)` and whether term frequency adjusted it.
    func fieldWeight(_ field: ComparedField, level: Int, table: LinkageTable, row: Int) -> (
        Double, Bool
    ) {
        guard level == 1, field.usesTermFrequency else {
            return (weights[field.rawValue][level], false)
        }
        let id = table.valueID(row, field)
        let frequency = storedFrequencies?[Int(id)] ?? table.pool.frequency(id)
        let u = max(frequency, uFloor[field.rawValue])
        return (log2(exactM[field.rawValue] / u), true)
    }

    /// Total match weight (prior log-odds plus field weights) of a pair, with the positive
    /// address evidence bounded by `addressWeightLimit`.
    func weight(_ pair: CandidatePair, table: LinkageTable) -> Double {
        var total = model.priorWeight
        var address = 0.0
        for field in ComparedField.allCases {
            let weight = fieldWeight(field, level: pair.vector[field], table: table, row: Int(pair.a)).0
            if weight > 0 && AddressEvidence.mask & (1 << field.rawValue) != 0 {
                address += weight
            } else {
                total += weight
            }
        }
        return total + min(address, model.addressWeightLimit ?? address)
    }

    /// The factor applied to each positive address weight so that their sum respects the limit.
    private func addressScale(_ weights: [(Double, Bool)]) -> Double {
        let address = AddressEvidence.fields.reduce(0) { $0 + max(0, weights[$1.rawValue].0) }
        guard let limit = model.addressWeightLimit, address > limit else { return 1 }
        return limit / address
    }

    /// The full evidence of a pair.
    func explain(_ pair: CandidatePair, table: LinkageTable) -> MatchExplanation {
        let i = Int(pair.a)
        let j = Int(pair.b)
        let weights = ComparedField.allCases.map { fieldWeight($0, level: pair.vector[$0], table: table, row: i) }
        let scale = addressScale(weights)
        let evidence = ComparedField.allCases.map { field -> FieldEvidence in
            let level = pair.vector[field]
            var (weight, adjusted) = weights[field.rawValue]
            if weight > 0 && AddressEvidence.mask & (1 << field.rawValue) != 0 { weight *= scale }
            return FieldEvidence(
                field: field, level: level, levelName: level == 0 ? "missing" : field.levelNames[level - 1],
                valueA: table.value(i, field), valueB: table.value(j, field), weight: weight,
                termFrequencyAdjusted: adjusted)
        }
        let total = model.priorWeight + evidence.reduce(0) { $0 + $1.weight }
        return MatchExplanation(
            recordA: table.recordIDs[i], recordB: table.recordIDs[j], fields: evidence,
            priorWeight: model.priorWeight, totalWeight: total,
            probability: MatchModel.probability(weight: total))
    }
}
