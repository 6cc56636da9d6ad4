import Foundation
import RapportCore
import RapportStore

/// The model of `/admin/users` (rendered by `users.mustache`); stored properties only.
struct UserPage {
    let chrome: PageChrome
    let users: [Row]
    let form: Form
    let roles: [RoleOption]
    /// The new account's password, on the answer to the create form only.
    let created: Secret?
    /// A new API token, on the answer to the issue form only.
    let issued: Secret?
    let errors: [String]
    let hasErrors: Bool

    init(chrome: PageChrome, users: [Row], form: Form, created: Secret?, issued: Secret?, errors: [String]) {
        self.chrome = chrome
        self.users = users
        self.form = form
        roles = Role.allCases.map {
            RoleOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.role)
        }
        self.created = created
        self.issued = issued
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    struct Secret {
        let username: String
        let secret: String
    }

    struct RoleOption {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Row {
        let id: String
        let username: String
        let displayName: String
        let role: String
        let disabled: Bool
        let lastLogin: String
        let tokens: [Token]

        init(_ user: User, lastLogin: Date?, tokens: [APITokenRecord]) {
            id = user.id.rawValue
            username = user.username
            displayName = user.displayName
            role = user.role.label
            disabled = user.disabled
            self.lastLogin = lastLogin.map(UserPage.minute) ?? "never"
            self.tokens = tokens.map(Token.init)
        }
    }

    struct Token {
        let id: String
        let name: String
        let createdAt: String
        let revoked: Bool
        let revokedAt: String

        init(_ token: APITokenRecord) {
            id = token.id
            name = token.name
            createdAt = UserPage.minute(token.createdAt)
            revoked = token.revokedAt != nil
            revokedAt = token.revokedAt.map(UserPage.minute) ?? ""
        }
    }

    struct Form {
        let username: String
        let displayName: String
        let role: String

        init(username: String = "", displayName: String = "", role: String = Role.readOnly.rawValue) {
            self.username = username
            self.displayName = displayName
            self.role = role
        }

        init(_ fields: FormFields) {
            self.init(
                username: fields["username"] ?? "", displayName: fields["displayName"] ?? "",
                role: fields["role"] ?? "")
        }
    }

    /// `2026-11-23 15:04` (UTC).
    static func minute(_ date: Date) -> String {
        Timestamp.format(date).prefix(16).replacingOccurrences(of: "T", with: " ")
    }
}
