import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/login`, `/logout` and the dashboard at `/`.
struct LoginPages {
    let accounts: Accounts
    let store: Store
    let views: WebViews
    let throttle: LoginThrottle
    let secureCookies: Bool

    struct LoginPage {
        let title = "Sign in"
        let error: String?
        let username: String
        let next: String
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("login") { request, _ in
            views.page("login", LoginPage(error: nil, username: "", next: safeNext(request.uri.queryParameters.get("next"))))
        }
        web.post("login") { request, context -> Response in
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            let username = (form["username"] ?? "").lowercased().trimmingSpaces()
            let next = safeNext(form["next"])
            let client = context.remoteAddress?.ipAddress ?? "local"
            let keys = ["user:" + username, "ip:" + client]
            if let wait = await throttle.retryAfter(keys) {
                var response = views.page(
                    "login", LoginPage(error: "Too many failed attempts. Try again in \(wait / 60 + 1) minutes.", username: username, next: next),
                    status: .tooManyRequests)
                response.headers[.retryAfter] = String(wait)
                return response
            }
            guard let user = try await accounts.authenticate(username: username, password: form["password"] ?? "") else {
                await throttle.recordFailure(keys)
                try await store.audit.record(
                    .loginFailed, entityType: "user", entityID: username, detail: "from \(client)",
                    by: Actor(userID: nil, name: username.isEmpty ? "?" : username, role: .readOnly), on: store.database.sql)
                return views.page("login", LoginPage(error: "Wrong username or password.", username: username, next: next), status: .unauthorized)
            }
            await throttle.recordSuccess(keys)
            let session = try await store.users.startSession(for: user)
            try await store.audit.record(.login, entityType: "user", entityID: user.id.rawValue, detail: "from \(client)", by: Actor(user), on: store.database.sql)
            var response = Response(status: .seeOther, headers: [.location: next])
            response.setCookie(
                Cookie(name: SessionAuthenticator.cookieName, value: session.token, maxAge: 8 * 3600, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
        web.post("logout") { request, context -> Response in
            if let token = request.cookies[SessionAuthenticator.cookieName]?.value {
                try await store.users.endSession(token: token)
                if let user = context.identity {
                    try await store.audit.record(.logout, entityType: "user", entityID: user.id.rawValue, by: Actor(user), on: store.database.sql)
                }
            }
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(Cookie(name: SessionAuthenticator.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
            return response
        }
        web.get("") { _, context -> Response in
            _ = try context.actor(needing: .readPeople)
            let model = try await DashboardModel.build(store: store, context: context)
            return views.page("dashboard", model)
        }
    }

    /// Only local paths are followed after login (no open redirect).
    private func safeNext(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\") else { return "/" }
        return text
    }
}
