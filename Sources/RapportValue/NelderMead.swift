import Foundation

/// Derivative-free minimisation by the Nelder–Mead simplex method, with the
/// dimension-adaptive coefficients of Gao & Han (2012) and restarts.
///
/// Used where an analytic gradient is impractical (the Pareto/NBD likelihood, whose
/// hypergeometric terms depend on every parameter). A simplex can stall on a flat ridge
/// before reaching the optimum, so after convergence the search restarts from the best
/// point with a fresh simplex until a restart no longer improves the value (the usual
/// remedy, e.g. Press et al., Numerical Recipes §10.5).
struct NelderMead: Sendable {
    /// Stop a run when the simplex's values differ by less than this (absolute).
    var valueTolerance = 1e-10
    /// The initial simplex edge (log-parameters: about ±40 %).
    var initialStep = 0.35
    /// The evaluation budget over all restarts.
    var maxEvaluations = 4_000
    /// The most restarts after the first run.
    var maxRestarts = 4

    /// Minimises `objective` from `start`.
    func minimize(from start: [Double], objective: ([Double]) -> Double) -> OptimizationResult {
        var best = OptimizationResult(
            point: start, value: objective(start), evaluations: 1, converged: false)
        var step = initialStep
        for _ in 0...maxRestarts {
            let run = singleRun(
                from: best.point, step: step, budget: maxEvaluations - best.evaluations,
                objective: objective)
            let improvement = best.value - run.value
            let evaluations = best.evaluations + run.evaluations
            if run.value <= best.value {
                best = OptimizationResult(
                    point: run.point, value: run.value, evaluations: evaluations, converged: run.converged)
            } else {
                best.evaluations = evaluations
            }
            if (run.converged && improvement.isFinite && improvement < valueTolerance * 10)
                || best.evaluations >= maxEvaluations
            {
                break
            }
            step = max(step * 0.5, 0.02)
        }
        return best
    }

    private func singleRun(
        from start: [Double], step: Double, budget: Int, objective: ([Double]) -> Double
    ) -> OptimizationResult {
        let n = Double(start.count)
        let (reflect, expand, contract, shrink) = (1.0, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n)
        var simplex = [start]
        for i in start.indices {
            var vertex = start
            vertex[i] += step
            simplex.append(vertex)
        }
        var values = simplex.map { Self.finite(objective($0)) }
        var evaluations = values.count
        while evaluations < budget {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if values[values.count - 1] - values[0] < valueTolerance {
                return OptimizationResult(
                    point: simplex[0], value: values[0], evaluations: evaluations, converged: true)
            }
            let worst = simplex.count - 1
            let centroid = (0..<start.count).map { d in simplex[..<worst].reduce(0) { $0 + $1[d] } / n }
            func along(_ t: Double) -> [Double] {
                zip(centroid, simplex[worst]).map { $0 + t * ($0 - $1) }
            }
            let reflected = along(reflect)
            let fr = Self.finite(objective(reflected))
            evaluations += 1
            if fr < values[0] {
                let expanded = along(expand)
                let fe = Self.finite(objective(expanded))
                evaluations += 1
                (simplex[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[worst - 1] {
                (simplex[worst], values[worst]) = (reflected, fr)
            } else {
                let outside = fr < values[worst]
                let contracted = along(outside ? contract : -contract)
                let fc = Self.finite(objective(contracted))
                evaluations += 1
                if fc < min(fr, values[worst]) {
                    (simplex[worst], values[worst]) = (contracted, fc)
                } else {
                    for i in 1...worst {
                        simplex[i] = zip(simplex[0], simplex[i]).map { $0 + shrink * ($1 - $0) }
                        values[i] = Self.finite(objective(simplex[i]))
                    }
                    evaluations += worst
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
        return OptimizationResult(
            point: simplex[bestIndex], value: values[bestIndex], evaluations: evaluations,
            converged: false)
    }

    /// Non-finite values (parameters where a likelihood overflows) count as +∞ so the simplex moves away.
    private static func finite(_ value: Double) -> Double { value.isFinite ? value : .infinity }
}
