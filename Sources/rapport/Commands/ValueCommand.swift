import ArgumentParser
import Foundation
import RapportValue

/// `rapport value`: customer value models on files (R4.3, R10.5).
struct ValueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "Fit and score customer value models (BG/NBD, Pareto/NBD, Gamma-Gamma).",
        subcommands: [Fit.self, RefitCommand.self]
    )

    /// `rapport value fit`: fits the models on a transaction log or a summary file.
    struct Fit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the value models and print their parameters and log-likelihoods as JSON.",
            discussion: """
                Give either --transactions (CSV customer_id,date,amount, or a whitespace-separated log \
                such as CDNOW's) with --calibration-end, or --summary (CSV with id, frequency, recency, \
                T[, monetary_value] as the lifetimes package writes them; x, t_x, T, zbar also work).
                """
        )

        @Option(help: "Transaction log file.")
        var transactions: String?

        @Option(help: "Last day of the calibration period (YYYY-MM-DD).")
        var calibrationEnd: String?

        @Option(help: "Last day of the holdout period (YYYY-MM-DD); adds a holdout report.")
        var holdoutEnd: String?

        @Option(help: "Summary CSV file instead of a transaction log.")
        var summary: String?

        @Option(help: "Period unit of recency, T and horizons: days, weeks or months.")
        var unit: PeriodUnit = .weeks

        @Option(help: "Write per-customer scores to this CSV file.")
        var out: String?

        @Option(help: "Horizon of expected purchases in --out, in periods of --unit.")
        var horizon: Double = 52

        @Option(help: "Monthly discount rate of the CLV in --out.")
        var discountRate: Double = 0.01

        @Option(help: "Months of CLV in --out.")
        var months: Int = 12

        @Flag(help: "Skip the slower Pareto/NBD fit.")
        var skipParetoNBD = false

        func validate() throws {
            guard (transactions == nil) != (summary == nil) else {
                throw ValidationError("Give exactly one of --transactions or --summary.")
            }
            if transactions != nil, calibrationEnd == nil {
                throw ValidationError("--transactions needs --calibration-end.")
            }
        }

        func run() async throws {
            let input = try loadInput()
            let report = try ValueFitReport(
                customers: input.customers, holdoutFrequency: input.holdoutFrequency,
                holdoutDuration: input.holdoutDuration, includeParetoNBD: !skipParetoNBD)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            guard let out else { return }
            guard let purchases = report.bgnbd, let spend = report.gammaGamma else {
                throw ValidationError("Cannot write scores: \(report.failures.values.sorted().joined(separator: " "))")
            }
            let scorer = ValueScorer(
                purchases: purchases, spend: spend, horizon: horizon, months: months,
                monthlyDiscountRate: discountRate, unit: unit)
            let scores = try scorer.score(input.customers)
            try CustomerScore.csv(scores).write(toFile: out, atomically: true, encoding: .utf8)
        }

        private func loadInput() throws -> (
            customers: [CustomerSummary], holdoutFrequency: [Int]?, holdoutDuration: Double?
        ) {
            if let summary {
                return (try SummaryFileParser.parse(String(contentsOfFile: summary, encoding: .utf8)), nil, nil)
            }
            let calibration = try Self.day(calibrationEnd ?? "", option: "--calibration-end")
            let holdout = try holdoutEnd.map { try Self.day($0, option: "--holdout-end") }
            let log = try TransactionLogParser.parse(String(contentsOfFile: transactions ?? "", encoding: .utf8))
            let split = try CalibrationSummary(
                transactions: log, calibrationEnd: calibration, holdoutEnd: holdout, unit: unit)
            return (split.customers, split.holdoutFrequency, split.holdoutDuration)
        }

        private static func day(_ text: String, option: String) throws -> CalendarDay {
            guard let day = CalendarDay(text) else {
                throw ValidationError("\(option) '\(text)' is not a date (YYYY-MM-DD).")
            }
            return day
        }
    }
}

extension PeriodUnit: ExpressibleByArgument {}
