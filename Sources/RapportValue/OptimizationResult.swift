import Foundation

/// The outcome of a numerical minimisation.
struct OptimizationResult: Sendable {
    /// The best point found.
    var point: [Double]
    /// The objective at `point`.
    var value: Double
    /// Objective evaluations spent (each gradient evaluation counts as one).
    var evaluations: Int
    /// Whether the stopping tolerance was met before the evaluation budget ran out.
    var converged: Bool

    /// The optimum mapped back from log-parameters, or `fitFailed` when it is not finite or
    /// ran off towards 0 or ∞ (|ln θ| ≥ 30), which means the likelihood has no interior maximum.
    func positiveParameters(model: String) throws(ValueModelError) -> [Double] {
        guard value.isFinite, point.allSatisfy({ $0.isFinite && abs($0) < 30 }) else {
            throw .fitFailed(model: model, reason: "the likelihood has no finite maximum for this data")
        }
        return point.map { exp($0) }
    }
}
