/// Simulates a customer base from known model parameters, for benchmarks and recovery
/// tests: a cohort acquired evenly over `acquisitionDays`, observed until `observationDays`
/// after the first acquisition day, with purchase times recorded on a daily clock (as a
/// transaction log would, so summaries repeat and compress like real ones).
public struct CustomerSimulator: Sendable {
    public var seed: UInt64
    /// Days over which customers make their first purchase.
    public var acquisitionDays = 84
    /// Days from the first acquisition day to the end of observation.
    public var observationDays = 273
    /// The period unit of the summaries (days are divided by its length).
    public var unit = PeriodUnit.weeks

    public init(seed: UInt64) { self.seed = seed }

    /// Customers from BG/NBD (purchases) and Gamma-Gamma (spend) parameters.
    public func bgnbd(
        count: Int, parameters p: BGNBDModel.Parameters, spend: GammaGammaModel.Parameters
    ) -> [CustomerSummary] {
        simulate(count: count, spend: spend) { random, age in
            let lambda = random.gamma(shape: p.r, rate: p.alpha)
            let dropout = random.beta(p.a, p.b)
            var (t, x, last) = (0.0, 0, 0.0)
            while true {
                t += random.exponential(rate: lambda)
                if t > age { break }
                x += 1
                last = t
                if random.uniform() < dropout { break }
            }
            return (x, last)
        }
    }

    /// Customers from Pareto/NBD (purchases) and Gamma-Gamma (spend) parameters.
    public func paretoNBD(
        count: Int, parameters p: ParetoNBDModel.Parameters, spend: GammaGammaModel.Parameters
    ) -> [CustomerSummary] {
        simulate(count: count, spend: spend) { random, age in
            let lambda = random.gamma(shape: p.r, rate: p.alpha)
            let lifetime = random.exponential(rate: random.gamma(shape: p.s, rate: p.beta))
            let end = min(lifetime, age)
            var (t, x, last) = (0.0, 0, 0.0)
            while true {
                t += random.exponential(rate: lambda)
                if t > end { break }
                x += 1
                last = t
            }
            return (x, last)
        }
    }

    /// Runs `purchases` (x and tₓ for a customer of age T) for every customer in parallel
    /// chunks, each with its own generator stream, so the result depends only on the seed.
    private func simulate(
        count: Int, spend: GammaGammaModel.Parameters,
        purchases: @escaping @Sendable (inout SeededGenerator, Double) -> (Int, Double)
    ) -> [CustomerSummary] {
        let chunk = 65_536
        var customers = [CustomerSummary](
            repeating: CustomerSummary(id: "", frequency: 0, recency: 0, age: 0), count: count)
        let (seed, acquisition, observation, unitDays) = (seed, acquisitionDays, observationDays, unit.days)
        customers.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeOutput(base: buffer.baseAddress!)
            Parallel.forEachChunk(count: (count + chunk - 1) / chunk, serialBelow: 2, minimumChunk: 1) { chunks in
                for c in chunks {
                    var random = SeededGenerator(seed: seed, stream: UInt64(c))
                    for i in (c * chunk)..<min((c + 1) * chunk, count) {
                        let firstDay = Int(random.uniform() * Double(acquisition))
                        let ageDays = observation - firstDay
                        let (x, lastTime) = purchases(&random, Double(ageDays) / unitDays)
                        let recencyDays = min((lastTime * unitDays).rounded(), Double(ageDays))
                        var average = 0.0
                        if x > 0 {
                            let nu = random.gamma(shape: spend.q, rate: spend.gamma)
                            average = random.gamma(shape: spend.p * Double(x), rate: nu * Double(x))
                        }
                        out.base[i] = CustomerSummary(
                            id: String(i + 1), frequency: x, recency: x > 0 ? recencyDays / unitDays : 0,
                            age: Double(ageDays) / unitDays, monetaryValue: average)
                    }
                }
            }
        }
        return customers
    }
}
