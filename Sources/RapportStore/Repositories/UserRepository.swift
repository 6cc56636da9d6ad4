import Crypto
import Foundation
import RapportCore
import SQLKit

/// Staff accounts, their API tokens and their browser sessions.
///
/// Secrets are never stored: passwords arrive already hashed (bcrypt, by the caller),
/// API tokens and session tokens are stored as SHA-256 digests, so a copy of the database
/// does not let anyone sign in.
public struct UserRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator
    /// Tokens found valid a moment ago (see ``TokenCheckCache`` for why this is safe).
    let checkedTokens = TokenCheckCache()

    /// Creates a user; the username must be free.
    public func create(_ user: User, passwordHash: String, by actor: Actor) async throws {
        try await database.transaction { db in
            if try await db.raw("SELECT id FROM users WHERE username = \(bind: user.username)").first() != nil {
                throw DomainError.conflict(field: "username", message: "username '\(user.username)' is taken.")
            }
            try await db.raw(
                """
                INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at)
                VALUES (\(bind: user.id.rawValue), \(bind: user.username), \(bind: user.displayName), \(bind: user.role.rawValue),
                  \(bind: passwordHash), \(bind: user.disabled ? 1 : 0), \(bind: Timestamp.format(user.createdAt)))
                """
            ).run()
            try await audit.record(.create, entityType: "user", entityID: user.id.rawValue, detail: "role \(user.role.rawValue)", by: actor, on: db)
        }
    }

    /// The user and their password hash, for signing in.
    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        guard let row = try await database.sql.raw("SELECT * FROM users WHERE username = \(bind: username.lowercased())").first() else {
            return nil
        }
        return (try Self.user(from: row), try row.text("password_hash"))
    }

    public func find(_ id: UserID) async throws -> User? {
        try await database.sql.raw("SELECT * FROM users WHERE id = \(bind: id.rawValue)").first().map(Self.user(from:))
    }

    public func list() async throws -> [User] {
        try await database.sql.raw("SELECT * FROM users ORDER BY username").all().map(Self.user(from:))
    }

    public func count() async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM users").first()?.integer("n") ?? 0
    }

    /// Issues an API token for `user`; the plain token is returned once and never stored.
    public func issueToken(for user: User, name: String, by actor: Actor) async throws -> String {
        let token = "rpt_" + Self.randomToken()
        let id = ids.make(User.self).rawValue.replacingOccurrences(of: "usr_", with: "tok_")
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO api_tokens (id, user_id, name, token_hash, created_at)
                VALUES (\(bind: id), \(bind: user.id.rawValue), \(bind: name), \(bind: Self.digest(token)), \(bind: Timestamp.now()))
                """
            ).run()
            try await audit.record(.create, entityType: "api_token", entityID: id, detail: name, by: actor, on: db)
        }
        return token
    }

    /// The active user behind an API token, or nil. Checked on every API request; a token
    /// found valid is remembered for a second (``TokenCheckCache``).
    public func user(forToken token: String) async throws -> User? {
        let digest = Self.digest(token)
        if let user = checkedTokens.user(forDigest: digest) { return user }
        let generation = checkedTokens.generation
        let row = try await database.readFirst(
            """
            SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0
            """, [.text(digest)])
        guard let user = try row.map(Self.user(from:)) else { return nil }
        checkedTokens.remember(user, forDigest: digest, since: generation)
        return user
    }

    /// Starts a browser session; returns the cookie token and the CSRF token.
    public func startSession(for user: User, lifetime: TimeInterval = 8 * 3600) async throws -> (token: String, csrf: String) {
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        let now = Date()
        try await database.sql.raw(
            """
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: Self.digest(token)), \(bind: user.id.rawValue), \(bind: csrf), \(bind: Timestamp.format(now)),
              \(bind: Timestamp.format(now.addingTimeInterval(lifetime))))
            """
        ).run()
        return (token, csrf)
    }

    /// The user and CSRF token of a live session.
    public func session(token: String) async throws -> (user: User, csrf: String)? {
        guard
            let row = try await database.sql.raw(
                """
                SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = \(bind: Self.digest(token)) AND s.expires_at > \(bind: Timestamp.now()) AND u.disabled = 0
                """
            ).first()
        else { return nil }
        return (try Self.user(from: row), try row.text("csrf_token"))
    }

    public func endSession(token: String) async throws {
        try await database.sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: Self.digest(token))").run()
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256 of the token (checked on every API request, so written
    /// without `String(format:)`).
    static func digest(_ token: String) -> String {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        let hash = SHA256.hash(data: Data(token.utf8))
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            var at = 0
            for byte in hash {
                buffer[at] = hex[Int(byte >> 4)]
                buffer[at + 1] = hex[Int(byte & 0x0f)]
                at += 2
            }
            return at
        }
    }

    static func user(from row: any SQLRow) throws -> User {
        User(
            id: try row.id("id"), username: try row.text("username"), displayName: try row.text("display_name"),
            role: try row.enumValue("role", as: Role.self), disabled: try row.flag("disabled"), createdAt: try row.instant("created_at"))
    }
}
