import Foundation
import RapportCore
import RapportStore

/// Creating staff accounts and checking passwords, shared by the CLI, first start and the
/// login form.
public struct Accounts: Sendable {
    let store: Store
    let hasher: PasswordHasher

    public init(store: Store, hasher: PasswordHasher = PasswordHasher()) {
        self.store = store
        self.hasher = hasher
    }

    /// Creates a user after checking the name and the password rules.
    @discardableResult
    public func create(username: String, displayName: String?, role: Role, password: String, by actor: Actor = .system) async throws -> User {
        let name = username.lowercased()
        try User.validateUsername(name)
        try User.validatePassword(password)
        let user = User(id: store.ids.make(), username: name, displayName: displayName ?? name, role: role, createdAt: Date())
        try await store.users.create(user, passwordHash: try await hasher.hash(password), by: actor)
        return user
    }

    /// The user if the password is right and the account active.
    public func authenticate(username: String, password: String) async throws -> User? {
        guard let (user, hash) = try await store.users.credentials(username: username), !user.disabled else {
            // Spend the same time as a real check so a missing username is not revealed by timing.
            _ = try await hasher.verify(password, against: "$2b$04$" + String(repeating: "a", count: 53))
            return nil
        }
        return try await hasher.verify(password, against: hash) ? user : nil
    }

    /// A random password that passes the rules, for first start.
    public static func generatePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
