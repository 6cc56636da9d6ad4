import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportStore

/// `rapport user create|list`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage staff accounts.", subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user. The password comes from $RAPPORT_PASSWORD, or is generated and printed once.")

        @OptionGroup var store: StoreOptions
        @Option(help: "Login name.") var username: String
        @Option(help: "Name shown in the UI.") var displayName: String?
        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String = "administrator"

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role '\(self.role)' is not one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let given = ProcessInfo.processInfo.environment["RAPPORT_PASSWORD"]
            let password = given ?? Accounts.generatePassword()
            try await store.withStore { store in
                do {
                    let user = try await Accounts(store: store).create(username: username, displayName: displayName, role: role, password: password)
                    print("Created \(user.role.label.lowercased()) '\(user.username)' (\(user.id)).")
                    if given == nil { print("Password (shown only now): \(password)") }
                } catch let error as DomainError {
                    throw ValidationError(error.message)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { store in
                for user in try await store.users.list() {
                    print("\(user.username)\t\(user.role.rawValue)\t\(user.disabled ? "disabled" : "active")\t\(user.id)")
                }
            }
        }
    }
}

/// `rapport token create`: an API token for a user, printed once.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue an API token for a user.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The user the token acts as.") var username: String
        @Option(help: "What the token is for.") var name: String = "cli"

        func run() async throws {
            let token = try await store.withStore { store in try await Self.issue(username: username, name: name, on: store) }
            print(token)
        }

        /// Issues the token (stored as a digest, audited) and returns it in plain text, the only
        /// time it is seen.
        static func issue(username: String, name: String, on store: Store) async throws -> String {
            guard let (user, _) = try await store.users.credentials(username: username) else {
                throw ValidationError("--username: no user '\(username)'. Create one with `rapport user create`.")
            }
            return try await store.users.issueToken(for: user, name: name, by: .system)
        }
    }
}
