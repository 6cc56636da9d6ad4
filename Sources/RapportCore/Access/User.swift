import Foundation

/// A staff member who signs in to Rapport or calls its API.
public struct User: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "usr"

    public var id: UserID
    /// Login name: 3–64 characters of letters, digits, `.`, `_`, `-`, `@`.
    public var username: String
    public var displayName: String
    public var role: Role
    public var disabled: Bool
    public var createdAt: Date

    public init(id: UserID, username: String, displayName: String, role: Role, disabled: Bool = false, createdAt: Date) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// Checks a proposed login name.
    public static func validateUsername(_ name: String) throws(DomainError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-@")
        guard (3...64).contains(name.count), name.lowercased().allSatisfy({ allowed.contains($0) }) else {
            throw .invalid([.invalid("username", "username must be 3–64 letters, digits, '.', '_', '-' or '@'.")])
        }
    }

    /// Checks a proposed password: at least 12 characters, not only one kind of character.
    public static func validatePassword(_ password: String) throws(DomainError) {
        guard password.count >= 12 else {
            throw .invalid([.outOfRange("password", "password must be at least 12 characters long.")])
        }
        guard Set(password).count >= 5 else {
            throw .invalid([.invalid("password", "password must not repeat the same few characters.")])
        }
    }
}

/// Who is doing something: a signed-in user, an API token's user, or the system itself
/// (imports, demo data, scheduled jobs). Every read or change of personal data names one.
public struct Actor: Hashable, Sendable {
    public var userID: UserID?
    public var name: String
    public var role: Role

    public init(userID: UserID?, name: String, role: Role) {
        self.userID = userID
        self.name = name
        self.role = role
    }

    public init(_ user: User) {
        self.init(userID: user.id, name: user.username, role: user.role)
    }

    /// Rapport itself, for work no person started (demo data, migrations).
    public static let system = Actor(userID: nil, name: "system", role: .administrator)

    public func can(_ permission: Permission) -> Bool { role.permissions.contains(permission) }
}
