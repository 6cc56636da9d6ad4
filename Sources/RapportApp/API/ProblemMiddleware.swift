import Hummingbird
import Logging

/// Turns every error thrown under `/api` into a problem+json response; unexpected errors
/// become a 500 that hides internals from the client and is logged in full.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let problem = Problem.from(error) { return try problem.response() }
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return try Problem(status: .internalServerError, code: "internal_error", detail: "Something went wrong on our side; it has been logged.")
                .response()
        }
    }
}
