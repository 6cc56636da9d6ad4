import ArgumentParser

/// `rapport bench dedupe`: batch dedupe benchmark on generated hard data.
struct BenchDedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe", abstract: "Benchmark batch dedupe on generated people.")
}
