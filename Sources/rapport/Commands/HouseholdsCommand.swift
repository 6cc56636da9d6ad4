import ArgumentParser
import Foundation
import RapportCore
import RapportIntegration
import RapportStore

/// `rapport households …`: the household rule and the rebuild that applies it (R1.8).
struct HouseholdsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "households", abstract: "Group people into households by the household rule.",
        subcommands: [HouseholdsRebuildCommand.self, HouseholdsRuleCommand.self])
}

/// `rapport households rebuild [--rule FILE]`: optionally sets the rule (a JSON file or JSON
/// text, fields as in `GET /api/v1/households/rule`), then regroups everyone and prints the counts.
struct HouseholdsRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Regroup every person into households and print what changed.")

    @Option(
        help: "A household rule to set first: a JSON file, or JSON text such as '{\"linksSameAddressAlone\": true}'.")
    var rule: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let draft = try rule.map(HouseholdsRuleCommand.draft(from:))
        let summary = try await storeOptions.withStore { store in
            if let draft {
                do {
                    try await store.householdRules.set(draft, by: .system)
                } catch let error as DomainError {
                    throw CommandFailure("rule: \(error.message)")
                }
            }
            return try await store.householdRebuild.run(by: .system)
        }
        print(summary.report)
    }
}

/// `rapport households rule`: prints the rule in force as JSON.
struct HouseholdsRuleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rule", abstract: "Print the household rule in force.")

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let rule = try await storeOptions.withStore { try await $0.householdRules.current() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(rule.draft), as: UTF8.self))
    }

    static func draft(from text: String) throws -> HouseholdRuleDraft {
        let json: Data
        if text.trimmingSpaces().hasPrefix("{") {
            json = Data(text.utf8)
        } else {
            do { json = try Data(contentsOf: URL(fileURLWithPath: text)) } catch {
                throw CommandFailure("cannot read the rule \(text): \(error.localizedDescription)")
            }
        }
        do {
            return try JSONDecoder().decode(HouseholdRuleDraft.self, from: json)
        } catch {
            throw CommandFailure("rule: not a household rule (\(error.localizedDescription))")
        }
    }
}
