/// The value frequencies behind the term-frequency adjustment, kept with a fitted model so that
/// records scored outside the table the model was fitted on (incremental resolution against a
/// store) weigh a shared "Smith" exactly as the batch run did.
///
/// Only values more frequent than the scorer's floor (`u` of an exact agreement divided by
/// `termFrequencyBoostLimit`) are kept: every rarer value is scored at the floor anyway, so
/// leaving them out changes no weight and bounds the size by `boostLimit / u` values per field
/// (a few thousand), whatever the population.
public struct TermFrequencies: Sendable, Hashable, Codable {
    /// Frequency per folded value, by `ComparedField.name`, for fields that use term frequency.
    public private(set) var values: [String: [String: Double]]

    /// No stored values: every agreeing value scores at the floor.
    public init(values: [String: [String: Double]] = [:]) { self.values = values }

    /// The frequencies of `table`'s values above the floor of `model`.
    public init(table: LinkageTable, model: MatchModel) {
        var values: [String: [String: Double]] = [:]
        let pool = table.pool
        for id in 1..<Int32(pool.starts.count) {
            let field = ComparedField.allCases[Int(pool.fieldOf[Int(id)])]
            guard field.usesTermFrequency else { continue }
            let frequency = pool.frequency(id)
            guard frequency > model.u[field.rawValue][0] / model.termFrequencyBoostLimit else { continue }
            values[field.name, default: [:]][pool.string(id)] = frequency
        }
        self.values = values
    }

    /// The stored frequency of `value` in `field`, `0` when it is rarer than the floor.
    public func frequency(_ field: ComparedField, _ value: String) -> Double {
        values[field.name]?[value] ?? 0
    }

    /// The frequency of every value of `table`, by value id, for `MatchScorer`.
    func byValueID(_ table: LinkageTable) -> [Double] {
        let pool = table.pool
        var frequencies = Array(repeating: 0.0, count: pool.starts.count)
        for id in 1..<pool.starts.count {
            let field = ComparedField.allCases[Int(pool.fieldOf[id])]
            guard field.usesTermFrequency, let known = values[field.name] else { continue }
            frequencies[id] = known[pool.string(Int32(id))] ?? 0
        }
        return frequencies
    }
}
