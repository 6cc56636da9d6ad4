import Hummingbird
import HummingbirdAuth
import RapportCore
import RapportStore

/// Signs API callers in from `Authorization: Bearer rpt_…`.
struct APITokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = AppRequestContext
    let store: Store

    func authenticate(request: Request, context: AppRequestContext) async throws -> User? {
        guard let bearer = request.headers.bearer else { return nil }
        return try await store.users.user(forToken: bearer.token)
    }
}
