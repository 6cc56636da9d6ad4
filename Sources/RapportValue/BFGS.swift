import Foundation

/// Quasi-Newton minimisation (Broyden–Fletcher–Goldfarb–Shanno, Nocedal & Wright 2006, §6.1)
/// for smooth objectives with an analytic gradient.
///
/// The likelihoods are minimised in log-parameter space, where they are smooth and
/// unconstrained. A backtracking Armijo line search keeps every accepted point finite; the
/// inverse-Hessian update is skipped when the curvature condition sᵀy > 0 fails, so the
/// search direction always stays a descent direction.
struct BFGS: Sendable {
    /// Stop when the largest gradient component is below this.
    var gradientTolerance = 1e-9
    /// Stop when an accepted step changes the objective by less than this (relative).
    var valueTolerance = 1e-15
    /// The evaluation budget.
    var maxEvaluations = 2_000
    /// The largest step in any coordinate (log-parameters: a factor e³ per step).
    var maxStep = 3.0

    /// Minimises `objective`, which returns the value and the gradient at a point.
    func minimize(
        from start: [Double],
        objective: ([Double]) -> (value: Double, gradient: [Double])
    ) -> OptimizationResult {
        let n = start.count
        var x = start
        var (f, g) = objective(x)
        var evaluations = 1
        guard f.isFinite, g.allSatisfy(\.isFinite) else {
            return OptimizationResult(point: x, value: f, evaluations: evaluations, converged: false)
        }
        var h = Self.identity(n)
        var firstStep = true
        while evaluations < maxEvaluations {
            if g.map(abs).max() ?? 0 < gradientTolerance {
                return OptimizationResult(point: x, value: f, evaluations: evaluations, converged: true)
            }
            var direction = Self.multiply(h, g).map { -$0 }
            var slope = zip(direction, g).reduce(0) { $0 + $1.0 * $1.1 }
            if slope >= 0 {
                h = Self.identity(n)
                direction = g.map { -$0 }
                slope = -g.reduce(0) { $0 + $1 * $1 }
            }
            let longest = direction.map(abs).max() ?? 0
            var step = longest > maxStep ? maxStep / longest : 1.0
            var accepted: (x: [Double], f: Double, g: [Double])?
            while evaluations < maxEvaluations && step > 1e-20 {
                let candidate = zip(x, direction).map { $0 + step * $1 }
                let (fc, gc) = objective(candidate)
                evaluations += 1
                if fc.isFinite, gc.allSatisfy(\.isFinite), fc <= f + 1e-4 * step * slope {
                    accepted = (candidate, fc, gc)
                    break
                }
                step *= 0.5
            }
            guard let next = accepted else {
                return OptimizationResult(
                    point: x, value: f, evaluations: evaluations,
                    converged: g.map(abs).max() ?? 0 < gradientTolerance.squareRoot())
            }
            let s = zip(next.x, x).map { $0 - $1 }
            let y = zip(next.g, g).map { $0 - $1 }
            let change = f - next.f
            (x, f, g) = (next.x, next.f, next.g)
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            if sy > 1e-12 * (s.reduce(0) { $0 + $1 * $1 }).squareRoot()
                * (y.reduce(0) { $0 + $1 * $1 }).squareRoot()
            {
                if firstStep {
                    let scale = sy / y.reduce(0) { $0 + $1 * $1 }
                    h = Self.identity(n).map { $0.map { $0 * scale } }
                    firstStep = false
                }
                h = Self.update(h, s: s, y: y, sy: sy)
            }
            if change >= 0 && change <= valueTolerance * max(abs(f), 1) {
                return OptimizationResult(point: x, value: f, evaluations: evaluations, converged: true)
            }
        }
        return OptimizationResult(point: x, value: f, evaluations: evaluations, converged: false)
    }

    private static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
    }

    private static func multiply(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs) (Nocedal & Wright eq. 6.17).
    private static func update(_ h: [[Double]], s: [Double], y: [Double], sy: Double) -> [[Double]] {
        let n = s.count
        let rho = 1 / sy
        let hy = multiply(h, y)
        let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
        var next = h
        for i in 0..<n {
            for j in 0..<n {
                next[i][j] += (1 + rho * yhy) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
            }
        }
        return next
    }
}
