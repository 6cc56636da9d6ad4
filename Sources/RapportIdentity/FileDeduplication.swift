import Foundation
import RapportIntegration

/// File mode: reads a CSV of people, resolves them, and writes `id,cluster_id` for every input
/// row (the cluster id is the id of the cluster's first record), optionally with the pairwise
/// evidence of every match and review pair.
///
/// Rows are streamed and normalised in batches, so only the interned table is held in memory.
public struct FileDeduplication: Sendable {
    /// Linkage settings.
    public var configuration: LinkageConfiguration
    /// Id column name when not recognised automatically.
    public var idColumn: String?
    /// `column=attribute` mapping overrides.
    public var mapping: [String]

    /// A file deduplication with the given settings.
    public init(
        configuration: LinkageConfiguration = LinkageConfiguration(), idColumn: String? = nil,
        mapping: [String] = []
    ) {
        self.configuration = configuration
        self.idColumn = idColumn
        self.mapping = mapping
    }

    /// What a run did.
    public struct Summary: Sendable {
        public let records: Int
        public let clusters: Int
        public let matchedPairs: Int
        public let reviewPairs: Int
        public let candidatePairs: Int
    }

    /// Reads `input` into a linkage table.
    public func readTable(input: String) throws(CSVError) -> LinkageTable {
        let reader = try CSVReader(path: input)
        guard let header = try reader.nextRow() else { throw .emptyFile }
        let columns = try ColumnMapping(header: header, idColumn: idColumn, overrides: mapping)
        var table = LinkageTable()
        var batch: [PersonRecord] = []
        while true {
            let line = reader.line
            guard let row = try reader.nextRow() else { break }
            batch.append(try columns.record(row, line: line))
            if batch.count == 16_384 {
                table.append(records: batch, normaliser: configuration.normaliser)
                batch.removeAll(keepingCapacity: true)
            }
        }
        table.append(records: batch, normaliser: configuration.normaliser)
        return table
    }

    /// Runs the whole file mode.
    public func run(input: String, output: String, explanations: String? = nil) throws(CSVError)
        -> Summary
    {
        let table = try readTable(input: input)
        let result = RecordLinkage(configuration: configuration).run(table: table)
        var text = "id,cluster_id\n"
        for row in 0..<table.count {
            text +=
                Self.quoted(table.recordIDs[row]) + ","
                + Self.quoted(table.recordIDs[result.clusterIDs[row]]) + "\n"
        }
        try write(text, to: output)
        if let explanations {
            var evidence = "id_a,id_b,decision,probability,match_weight,evidence\n"
            let decided =
                result.matches.map { ($0, LinkageDecision.match) } + result.reviews.map { ($0, .review) }
            for (pair, decision) in decided {
                let explanation = result.explain(pair)
                evidence +=
                    [
                        Self.quoted(explanation.recordA), Self.quoted(explanation.recordB), decision.rawValue,
                        String(format: "%.6f", explanation.probability),
                        String(format: "%.3f", explanation.totalWeight),
                        Self.quoted(explanation.summary),
                    ].joined(separator: ",") + "\n"
            }
            try write(evidence, to: explanations)
        }
        return Summary(
            records: table.count, clusters: Set(result.clusterIDs).count,
            matchedPairs: result.matches.count,
            reviewPairs: result.reviews.count, candidatePairs: result.candidatePairCount)
    }

    private func write(_ text: String, to path: String) throws(CSVError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
