import ArgumentParser
import RapportIdentity

/// `rapport dedupe people.csv --out clusters.csv`: resolves the people in a CSV file and writes
/// `id,cluster_id` for every row. All work happens in `RapportIdentity.FileDeduplication`.
struct DedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Find the records of one person in a CSV file (probabilistic record linkage).")

    @Argument(help: "CSV file with a header row (',' or ', ' separated, UTF-8).")
    var input: String

    @Option(name: .long, help: "Where to write id,cluster_id.")
    var out: String

    @Option(
        name: .long, help: "Also write the pairwise evidence of every match and review pair here.")
    var explain: String?

    @Option(name: .customLong("id-column"), help: "Name of the id column, if not id or rec_id.")
    var idColumn: String?

    @Option(
        name: .customLong("map"),
        help: "column=attribute for a column with an unusual name (repeatable).")
    var map: [String] = []

    @Option(name: .long, help: "Match probability threshold.")
    var threshold: Double?

    @Option(name: .customLong("review-threshold"), help: "Lower bound of the clerical-review zone.")
    var reviewThreshold: Double?

    func run() throws {
        var configuration = LinkageConfiguration()
        if let threshold { configuration.matchThreshold = threshold }
        if let reviewThreshold { configuration.reviewThreshold = reviewThreshold }
        let deduplication = FileDeduplication(
            configuration: configuration, idColumn: idColumn, mapping: map)
        do {
            let summary = try deduplication.run(input: input, output: out, explanations: explain)
            print(
                "\(summary.records) records, \(summary.clusters) clusters, \(summary.matchedPairs) matched pairs, "
                    + "\(summary.reviewPairs) for review, \(summary.candidatePairs) candidate pairs compared")
        } catch {
            throw ValidationError(error.description)
        }
    }
}
