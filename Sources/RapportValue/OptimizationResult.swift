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
}
