import Foundation
import RapportCore
import SQLKit

/// An API token as administrators see it: never the token itself (only its digest is stored).
public struct APITokenRecord: Sendable, Equatable {
    public let id: String
    public let userID: UserID
    public let name: String
    public let createdAt: Date
    public let revokedAt: Date?
}

/// What the accounts page needs beyond sign-in: tokens per user, revoking one, and when
/// each user last signed in (read from the audit trail, which records every login).
extension UserRepository {
    /// Every token, newest first.
    public func tokens() async throws -> [APITokenRecord] {
        try await database.sql.raw(
            "SELECT id, user_id, name, created_at, revoked_at FROM api_tokens ORDER BY created_at DESC, id DESC"
        )
        .all().map { row in
            APITokenRecord(
                id: try row.text("id"), userID: try row.id("user_id"), name: try row.text("name"),
                createdAt: try row.instant("created_at"), revokedAt: try row.optionalInstant("revoked_at"))
        }
    }

    /// Revokes token `id` (it stops working at once); revoking twice changes nothing.
    public func revokeToken(_ id: String, by actor: Actor, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM api_tokens WHERE id = \(bind: id)").first() != nil else {
                throw DomainError.notFound(entity: "api_token", id: id)
            }
            try await db.raw(
                "UPDATE api_tokens SET revoked_at = \(bind: Timestamp.format(now)) WHERE id = \(bind: id) AND revoked_at IS NULL"
            ).run()
            try await audit.record(.update, entityType: "api_token", entityID: id, detail: "revoked", by: actor, on: db)
        }
        checkedTokens.removeAll()
    }

    /// The time of each user's latest successful login, by user.
    public func lastLogins() async throws -> [UserID: Date] {
        let rows = try await database.sql.raw(
            """
            SELECT entity_id, MAX(at) AS at FROM audit_log
            WHERE entity_type = 'user' AND action = \(bind: AuditAction.login.rawValue) GROUP BY entity_id
            """
        ).all()
        var result: [UserID: Date] = [:]
        for row in rows { result[try row.id("entity_id")] = try row.instant("at") }
        return result
    }
}
