import Foundation

/// Samplers for the distributions of the customer-base models.
extension SeededGenerator {
    /// A standard normal draw (Box–Muller).
    public mutating func normal() -> Double {
        sqrt(-2 * log(uniform())) * cos(2 * Double.pi * uniform())
    }

    /// Exponential with the given rate.
    public mutating func exponential(rate: Double) -> Double {
        -log(uniform()) / rate
    }

    /// Gamma(shape, rate) by Marsaglia & Tsang (2000); a shape below 1 uses
    /// Gamma(shape + 1) · U^(1/shape) (their §6).
    public mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 {
            return gamma(shape: shape + 1, rate: rate) * pow(uniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) {
                return d * v / rate
            }
        }
    }

    /// Beta(a, b) as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1)
        return x / (x + gamma(shape: b, rate: 1))
    }
}
