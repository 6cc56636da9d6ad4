import ArgumentParser

/// `rapport`: run the server and operate a Rapport installation. Commands only parse
/// flags and call the store, the app and the engines.
@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rapport — customer relationship management: one true view of every customer.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, UserCommand.self, TokenCommand.self, DemoCommand.self, ExportCommand.self,
            ImportCommand.self, DedupeCommand.self, ValueCommand.self, BenchCommand.self, SuppressCommand.self,
            MartCommand.self, SurvivorshipCommand.self, HouseholdsCommand.self,
            MoversCommand.self, EnrichCommand.self, ResolveCommand.self,
        ])
}

/// `rapport bench …`: benchmarks that print their figures (see docs/benchmarks.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Run a benchmark and print its figures.",
        subcommands: [BenchHTTPCommand.self, BenchDedupeCommand.self, BenchValueCommand.self, BenchSegmentsCommand.self, BenchAttributesCommand.self,
            BenchIngestCommand.self, BenchResolveCommand.self,
        ])
}
