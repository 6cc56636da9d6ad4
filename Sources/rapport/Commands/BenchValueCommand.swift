import ArgumentParser
import Foundation
import RapportValue

/// `rapport bench value`: the value engine's speed on simulated customers (issue 5's
/// minimums: BG/NBD + Gamma-Gamma fit < 2 s, scoring < 1 s, Pareto/NBD fit < 30 s for 1M).
///
/// Customers are simulated from known parameters (the published CDNOW estimates), so the
/// report also shows how far each fit lands from the truth and the log-likelihood at both.
struct BenchValueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "Benchmark fitting and scoring the value models on simulated customers."
    )

    @Option(help: "Customers to simulate.")
    var customers = 1_000_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Flag(help: "Skip the Pareto/NBD part.")
    var skipParetoNBD = false

    static let bgnbdTruth = BGNBDModel.Parameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    static let spendTruth = GammaGammaModel.Parameters(p: 6.25, q: 3.74, gamma: 15.44)
    static let paretoTruth = ParetoNBDModel.Parameters(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669)

    func run() async throws {
        let simulator = CustomerSimulator(seed: seed)
        print(
            "Value engine benchmark: \(customers) simulated customers, seed \(seed), \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )
        let (base, simulateTime) = try Self.timed {
            simulator.bgnbd(count: customers, parameters: Self.bgnbdTruth, spend: Self.spendTruth)
        }
        Self.line("simulate BG/NBD + spend (not part of the minimums)", simulateTime)

        let ((compressed, purchases), bgnbdTime) = try Self.timed {
            let compressed = try CompressedCustomers(base)
            return (compressed, try BGNBDModel.fit(compressed))
        }
        Self.line("BG/NBD fit (compress to \(compressed.count) distinct (x, tx, T) + BFGS)", bgnbdTime)
        Self.compare(
            ["r", "alpha", "a", "b"], truth: Self.bgnbdTruth.values, fitted: purchases.parameters.values,
            fittedLL: purchases.logLikelihood ?? -.infinity,
            trueLL: BGNBDModel.logLikelihood(Self.bgnbdTruth, data: compressed))

        let (spend, spendTime) = try Self.timed { try GammaGammaModel.fit(base) }
        Self.line("Gamma-Gamma fit (\(spend.customerCount) repeat buyers)", spendTime)
        Self.compare(
            ["p", "q", "gamma"], truth: Self.spendTruth.values, fitted: spend.parameters.values,
            fittedLL: spend.logLikelihood ?? -.infinity,
            trueLL: GammaGammaModel.logLikelihood(Self.spendTruth, customers: base))
        Self.line("BG/NBD + Gamma-Gamma fit (minimum < 2 s)", bgnbdTime + spendTime)

        let scorer = ValueScorer(purchases: purchases, spend: spend, horizon: 52)
        let (scores, scoreTime) = try Self.timed { try scorer.score(base) }
        Self.line("scoring: E[purchases, 52 w], P(alive), E[spend], 12-month CLV (minimum < 1 s)", scoreTime)
        let totalValue = scores.reduce(0) { $0 + $1.lifetimeValue }
        print(
            String(
                format: "    mean CLV %.2f, mean P(alive) %.3f", totalValue / Double(scores.count),
                scores.reduce(0) { $0 + $1.probabilityAlive } / Double(scores.count)))

        guard !skipParetoNBD else { return }
        let paretoBase = simulator.paretoNBD(count: customers, parameters: Self.paretoTruth, spend: Self.spendTruth)
        let ((paretoData, pareto), paretoTime) = try Self.timed {
            let data = try CompressedCustomers(paretoBase)
            return (data, try ParetoNBDModel.fit(data))
        }
        Self.line(
            "Pareto/NBD fit (compress to \(paretoData.count) distinct + Nelder-Mead) (minimum < 30 s)", paretoTime)
        Self.compare(
            ["r", "alpha", "s", "beta"], truth: Self.paretoTruth.values, fitted: pareto.parameters.values,
            fittedLL: pareto.logLikelihood ?? -.infinity,
            trueLL: ParetoNBDModel.logLikelihood(Self.paretoTruth, data: paretoData))
    }

    private static func timed<T>(_ work: () throws -> T) throws -> (T, Double) {
        let start = ContinuousClock.now
        let value = try work()
        let elapsed = ContinuousClock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    private static func line(_ label: String, _ seconds: Double) {
        print(String(format: "%8.3f s  %@", seconds, label))
    }

    private static func compare(_ names: [String], truth: [Double], fitted: [Double], fittedLL: Double, trueLL: Double)
    {
        for (name, (t, f)) in zip(names, zip(truth, fitted)) {
            let padded = "    " + name.padding(toLength: 6, withPad: " ", startingAt: 0)
            print(padded + String(format: " true %9.4f  fitted %9.4f  (%+.2f %%)", t, f, (f / t - 1) * 100))
        }
        print(String(format: "    log-likelihood at fit %.2f, at true parameters %.2f", fittedLL, trueLL))
    }
}

extension BGNBDModel.Parameters {
    fileprivate var values: [Double] { [r, alpha, a, b] }
}

extension GammaGammaModel.Parameters {
    fileprivate var values: [Double] { [p, q, gamma] }
}

extension ParetoNBDModel.Parameters {
    fileprivate var values: [Double] { [r, alpha, s, beta] }
}
