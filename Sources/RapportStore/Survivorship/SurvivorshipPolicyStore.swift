import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// Reads, checks and writes the stored survivorship policy (migration 013's one-row table).
enum SurvivorshipPolicyStore {
    /// The stored policy, or the standard one when none was saved.
    static func policy(on db: any SQLDatabase) async throws -> SurvivorshipPolicy {
        guard let row = try await db.raw("SELECT policy FROM survivorship_policy WHERE id = 1").first() else {
            return .standard
        }
        let text = try row.text("policy")
        do {
            return try SurvivorshipPolicy(json: Data(text.utf8))
        } catch {
            throw StoreError.corruptValue(column: "survivorship_policy.policy", value: error.description)
        }
    }

    /// Saves `policy` in place of the stored one, on `db` (inside the caller's transaction).
    static func save(_ policy: SurvivorshipPolicy, by actor: Actor, on db: any SQLDatabase) async throws {
        let now = Timestamp.now()
        try await db.raw("DELETE FROM survivorship_policy WHERE id = 1").run()
        try await db.raw(
            """
            INSERT INTO survivorship_policy (id, policy, updated_by, updated_at)
            VALUES (1, \(bind: try encoded(policy)), \(bind: actor.name), \(bind: now))
            """
        ).run()
    }

    static func encoded(_ policy: SurvivorshipPolicy) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(policy), as: UTF8.self)
    }

    /// Reads a policy document sent by an administrator: the engine's reading (which names the
    /// bad key, e.g. `attributes.email.rule`), then every attribute key must be one the store
    /// computes.
    static func parse(_ json: Data) throws(DomainError) -> SurvivorshipPolicy {
        let policy: SurvivorshipPolicy
        do {
            policy = try SurvivorshipPolicy(json: json)
        } catch {
            let field = error.path.isEmpty ? "body" : error.path
            throw .invalid([FieldIssue(field: field, code: "invalid", message: error.message)])
        }
        let unknown = policy.attributes.keys.filter { GoldenAttribute(rawValue: $0) == nil }.sorted()
        if !unknown.isEmpty {
            throw .invalid(unknown.map(unknownAttribute(_:)))
        }
        return policy
    }

    /// The issue for an attribute key survivorship does not compute.
    static func unknownAttribute(_ key: String) -> FieldIssue {
        FieldIssue(
            field: "attributes.\(key)", code: "unknown_attribute",
            message: "'\(key)' is not an attribute survivorship decides; use one of: "
                + GoldenAttribute.keys.joined(separator: ", ") + ".")
    }
}
