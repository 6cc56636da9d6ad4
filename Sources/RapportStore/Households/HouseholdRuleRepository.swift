import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// The one household rule (R1.8), kept as JSON in `household_rule`; the standard rule until
/// an administrator sets one. Every change is audited with the rule it set.
public struct HouseholdRuleRepository: Sendable {
    let database: Database
    let audit: AuditTrail

    /// The rule in force.
    public func current() async throws -> HouseholdRule {
        try await Self.current(on: database.sql)
    }

    static func current(on db: any SQLDatabase) async throws -> HouseholdRule {
        guard let row = try await db.raw("SELECT rule FROM household_rule WHERE id = 1").first() else {
            return .standard
        }
        let draft = try JSONDecoder().decode(HouseholdRuleDraft.self, from: Data(try row.text("rule").utf8))
        return try draft.validated()
    }

    /// Checks `draft` (issues name its fields) and makes it the rule; returns it.
    @discardableResult
    public func set(_ draft: HouseholdRuleDraft, by actor: Actor) async throws -> HouseholdRule {
        let rule = try draft.validated()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(rule.draft), as: UTF8.self)
        try await database.transaction { db in
            try await db.raw("DELETE FROM household_rule WHERE id = 1").run()
            try await db.raw(
                """
                INSERT INTO household_rule (id, rule, updated_at, updated_by)
                VALUES (1, \(bind: json), \(bind: Timestamp.now()), \(bind: actor.name))
                """
            ).run()
            try await audit.record(
                .update, entityType: "household_rule", entityID: "household_rule", detail: json, by: actor, on: db)
        }
        return rule
    }
}
