import Hummingbird
import RapportCore
import RapportStore

/// Signs browser users in from the session cookie and checks the CSRF token of every
/// form that changes something (synchroniser-token pattern: the token lives with the
/// session on the server and is echoed in a hidden field).
struct SessionAuthenticator: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "rapport_session"
    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, let session = try await store.users.session(token: token) {
            context.identity = session.user
            context.csrfToken = session.csrf
        }
        return try await next(request, context)
    }
}

/// Rejects state-changing browser requests whose form does not carry the session's CSRF
/// token. The form body is read here once and handed on unchanged: up to 1 MiB for ordinary
/// forms, up to the upload limit for `multipart/form-data` (forms with a file).
struct CSRFGuard: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let expected = context.csrfToken else { return try await next(request, context) }
        var request = request
        let sent: String?
        if let boundary = MultipartForm.boundary(in: request.headers[.contentType]) {
            // A form with a file (the import page): the token is one of its parts.
            let body = try await request.collectBody(upTo: MultipartForm.uploadLimit + (64 << 10))
            sent = MultipartForm(body.readableBytesView, boundary: boundary)["csrf"]?.text
        } else {
            let body = try await request.collectBody(upTo: 1 << 20)
            sent = FormFields(String(buffer: body))["csrf"]
        }
        guard let sent, constantTimeEquals(sent, expected) else {
            throw HTTPError(.forbidden, message: "The form has expired. Reload the page and try again.")
        }
        return try await next(request, context)
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
