import ArgumentParser
import Foundation
import RapportIdentity

/// `rapport bench dedupe`: batch dedupe of generated hard people data at several sizes,
/// printing records, candidate pairs, time, peak memory and pairwise F1 per size.
struct BenchDedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe", abstract: "Benchmark batch dedupe on generated hard multilingual people.")

    @Option(name: .long, help: "Comma-separated record counts.")
    var sizes: String = "10000,100000,1000000"

    @Option(name: .long, help: "Generator seed.")
    var seed: UInt64 = 2024

    func run() throws {
        let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty else { throw ValidationError("--sizes needs numbers, e.g. 10000,100000") }
        print("records,people,candidate_pairs,generate_s,dedupe_s,peak_rss_mb,precision,recall,f1")
        for count in counts {
            let generationStart = Date()
            var data: GeneratedPeople? = HardPeopleGenerator(seed: seed).generate(count: count)
            let generation = Date().timeIntervalSince(generationStart)
            let (truth, people) = (data!.trueClusters, data!.peopleCount)
            let start = Date()
            let linkage = RecordLinkage()
            let table = LinkageTable(records: data!.records, normaliser: linkage.configuration.normaliser)
            // The raw records are not needed once normalised and interned (a dedupe of a file
            // streams them the same way); letting them go keeps them out of the peak.
            data = nil
            let result = linkage.run(table: table)
            let elapsed = Date().timeIntervalSince(start)
            let score = PairwiseScore(predicted: result.clusterIDs, truth: truth)
            let fields: [String] = [
                "\(count)", "\(people)", "\(result.candidatePairCount)", String(format: "%.2f", generation),
                String(format: "%.2f", elapsed), "\(Self.peakMemoryMegabytes())",
                String(format: "%.4f", score.precision),
                String(format: "%.4f", score.recall), String(format: "%.4f", score.f1),
            ]
            print(fields.joined(separator: ","))
        }
    }

    /// VmHWM (peak resident set) from /proc/self/status, in MiB; 0 where unavailable.
    static func peakMemoryMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}
