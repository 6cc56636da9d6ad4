import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/admin/users`: staff accounts with their role and last login, a form to create one
/// (its generated password is on the answering page only), and API tokens to issue (shown
/// once) and revoke. Every change is audited by ``UserRepository``.
struct UserPages {
    let store: Store
    let accounts: Accounts
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("admin/users") { _, context -> Response in
            _ = try context.actor(needing: .manageUsers)
            return try await page(context: context)
        }
        web.post("admin/users") { request, context -> Response in
            let actor = try context.actor(needing: .manageUsers)
            let fields = try await Self.fields(request)
            let form = UserPage.Form(fields)
            guard let role = Role(rawValue: form.role) else {
                let issue = FieldIssue.unknown("role", value: form.role, allowed: Role.allCases.map(\.rawValue))
                return try await page(context: context, form: form, errors: [issue], status: .unprocessableContent)
            }
            let password = Accounts.generatePassword()
            do {
                let user = try await accounts.create(
                    username: form.username, displayName: form.displayName.isEmpty ? nil : form.displayName, role: role,
                    password: password, by: actor)
                return try await page(
                    context: context, created: .init(username: user.username, secret: password), status: .created)
            } catch let error as DomainError {
                let issues: [FieldIssue]
                switch error {
                case .invalid(let list): issues = list
                case .conflict(let field, let message): issues = [.invalid(field, message)]
                default: throw error
                }
                return try await page(context: context, form: form, errors: issues, status: .unprocessableContent)
            }
        }
        web.post("admin/users/:id/tokens") { request, context -> Response in
            let actor = try context.actor(needing: .manageUsers)
            let id: UserID = try request.pathID(context, entity: "user")
            guard let user = try await store.users.find(id) else {
                throw DomainError.notFound(entity: "user", id: id.rawValue)
            }
            let name = (try await Self.fields(request)["name"] ?? "").trimmingSpaces()
            guard (1...100).contains(name.count) else {
                return try await page(
                    context: context, errors: [.invalid("name", "name must be 1–100 characters.")],
                    status: .unprocessableContent)
            }
            let token = try await store.users.issueToken(for: user, name: name, by: actor)
            return try await page(
                context: context, issued: .init(username: user.username, secret: token), status: .created)
        }
        web.post("admin/tokens/:id/revoke") { _, context -> Response in
            let actor = try context.actor(needing: .manageUsers)
            try await store.users.revokeToken(try context.parameters.require("id"), by: actor)
            return Response(status: .seeOther, headers: [.location: "/admin/users"])
        }
    }

    private static func fields(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: 1 << 16)))
    }

    private func page(
        context: AppRequestContext, form: UserPage.Form = .init(), created: UserPage.Secret? = nil,
        issued: UserPage.Secret? = nil, errors: [FieldIssue] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let tokens = Dictionary(grouping: try await store.users.tokens(), by: \.userID)
        let logins = try await store.users.lastLogins()
        let users = try await store.users.list().map {
            UserPage.Row($0, lastLogin: logins[$0.id], tokens: tokens[$0.id] ?? [])
        }
        let model = UserPage(
            chrome: PageChrome(title: "Users", active: "/admin/users", context: context), users: users, form: form,
            created: created, issued: issued, errors: errors.map { "\($0.field): \($0.message)" })
        return views.page("users", model, status: status)
    }
}
