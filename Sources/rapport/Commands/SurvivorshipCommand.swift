import ArgumentParser
import Foundation
import RapportCore
import RapportIntegration
import RapportStore

/// `rapport survivorship …`: the rule per attribute that picks each golden value (R1.3).
struct SurvivorshipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survivorship",
        abstract: "Show or change the survivorship rules and recompute the golden profiles.",
        subcommands: [Show.self, SetRule.self, Recompute.self])

    /// `rapport survivorship show`: the setting in force for every attribute.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the rule in force for every attribute.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { store in
                let policy = try await store.survivorship.policy()
                print(SurvivorshipCommand.line("default", policy.defaultSetting, own: true))
                for attribute in GoldenAttribute.allCases {
                    let own = policy.attributes[attribute.rawValue] != nil
                    print(SurvivorshipCommand.line(attribute.rawValue, policy.setting(for: attribute.rawValue), own: own))
                }
            }
        }
    }

    /// `rapport survivorship set ATTRIBUTE RULE`: one attribute's rule, then a recompute.
    struct SetRule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set one attribute's rule (or the default's) and recompute every golden profile.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "default, or one of: \(GoldenAttribute.keys.joined(separator: ", ")).")
        var attribute: String
        @Argument(help: "One of: \(SurvivorshipRule.allCases.map(\.rawValue).joined(separator: ", ")).")
        var rule: String
        @Flag(help: "Let empty values compete (by default a source that sends a value empty is passed over).")
        var keepEmpty = false
        @Option(help: "How values are compared for agreement: folded, alphanumeric or exact.")
        var comparison = ValueComparison.folded.rawValue

        func validate() throws {
            let attributes = GoldenAttribute.keys.joined(separator: ", ")
            guard attribute == "default" || GoldenAttribute(rawValue: attribute) != nil else {
                throw ValidationError("unknown attribute '\(attribute)'; use default or one of: \(attributes).")
            }
            let rules = SurvivorshipRule.allCases.map(\.rawValue).joined(separator: ", ")
            guard SurvivorshipRule(rawValue: rule) != nil else {
                throw ValidationError("unknown rule '\(rule)'; use one of: \(rules).")
            }
            let comparisons = ValueComparison.allCases.map(\.rawValue).joined(separator: ", ")
            guard ValueComparison(rawValue: comparison) != nil else {
                throw ValidationError("--comparison must be one of: \(comparisons).")
            }
        }

        func run() async throws {
            let setting = AttributeSurvivorship(
                rule: SurvivorshipRule(rawValue: rule)!, ignoresEmptyValues: !keepEmpty,
                comparison: ValueComparison(rawValue: comparison)!)
            try await store.withStore { store in
                let summary = try await SurvivorshipCommand.withProgress { progress in
                    try await store.survivorship.set(setting, for: attribute, by: .system, progress: progress)
                }
                print(SurvivorshipCommand.line(attribute, setting, own: true))
                print(SurvivorshipCommand.report(summary))
            }
        }
    }

    /// `rapport survivorship recompute`: every golden profile under the stored rules.
    struct Recompute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every person's golden profile under the stored rules, in batches of "
                + "\(SurvivorshipRepository.batchSize) people per transaction.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { store in
                let summary = try await SurvivorshipCommand.withProgress { progress in
                    try await store.survivorship.recompute(by: .system, progress: progress)
                }
                print(SurvivorshipCommand.report(summary))
            }
        }
    }

    static func line(_ attribute: String, _ setting: AttributeSurvivorship, own: Bool) -> String {
        let empty = setting.ignoresEmptyValues ? "empty values ignored" : "empty values compete"
        let origin = own ? "" : " (default)"
        return "\(attribute): \(setting.rule.rawValue), \(empty), compared \(setting.comparison.rawValue)\(origin)"
    }

    static func report(_ summary: RecomputeSummary) -> String {
        "recomputed \(summary.profiles) golden profiles; \(summary.changed) changed"
    }

    /// Runs `body` with a progress bar on standard error.
    static func withProgress(
        _ body: (@escaping (RecomputeProgress) -> Void) async throws -> RecomputeSummary
    ) async throws -> RecomputeSummary {
        var bar: ProgressBar?
        var shown = 0
        let summary = try await body { progress in
            if bar == nil { bar = ProgressBar(total: progress.total, label: "golden profiles") }
            bar?.advance(by: progress.done - shown)
            shown = progress.done
        }
        bar?.finish()
        return summary
    }
}
