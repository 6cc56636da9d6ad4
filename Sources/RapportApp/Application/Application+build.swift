import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RapportCore
import RapportStore

/// Everything the HTTP application needs from outside.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Set `secureCookies` when Rapport is served over HTTPS (behind a proxy).
    public var secureCookies: Bool
    public var passwordHasher: PasswordHasher

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, passwordHasher: PasswordHasher = PasswordHasher()) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.passwordHasher = passwordHasher
    }
}

/// Builds the Hummingbird application over an opened store.
public func buildApplication(
    configuration: AppConfiguration, store: Store, logger: Logger, routeTable: APIRouteTable = APIRouteTable()
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, store: store, routeTable: routeTable)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Rapport"),
        logger: logger)
}

/// The router: operations endpoints, the JSON API and the web UI, each behind its own
/// middleware (problem+json and tokens for the API; sessions, CSRF and error pages for the UI).
public func buildRouter(
    configuration: AppConfiguration, store: Store, routeTable: APIRouteTable = APIRouteTable()
) async throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeaders())
    OperationsRoutes(store: store).register(on: router)

    let apiGroup = router.group("api/v1").add(middleware: ProblemMiddleware()).add(middleware: APITokenAuthenticator(store: store))
    let openAPI = try OpenAPIDocument.load()
    apiGroup.get("openapi.json") { _, _ in openAPI.response() }
    let api = APIRoutes(group: apiGroup, prefix: "/api/v1", table: routeTable)
    PeopleAPI(store: store).register(on: api)
    OrganisationsAPI(store: store).register(on: api)
    ActivityAPI(store: store).register(on: api)
    AdministrationAPI(store: store).register(on: api)
    ValueModelsAPI(store: store).register(on: api)
    TouchpointsAPI(store: store).register(on: api)
    EventStreamAPI(store: store).register(on: api)
    QuarantineAPI(store: store).register(on: api)
    SegmentsAPI(store: store).register(on: api)
    ValueAPI(store: store).register(on: api)
    OffersAPI(store: store).register(on: api)
    WebhooksAPI(store: store).register(on: api)
    IdentityAPI(store: store).register(on: api)
    ResolutionAPI(store: store).register(on: api)
    SuppressionsAPI(store: store).register(on: api)
    DataMartsAPI(store: store).register(on: api)
    SurvivorshipAPI(store: store).register(on: api)
    HouseholdsAPI(store: store).register(on: api)

    let views = try await WebViews.load()
    let throttle = LoginThrottle()
    let accounts = Accounts(store: store, hasher: configuration.passwordHasher)
    router.add(middleware: FileMiddleware(WebViews.publicDirectory, urlBasePath: "/assets"))
    let web = router.group().add(middleware: WebErrorPages(views: views)).add(middleware: SessionAuthenticator(store: store))
        .add(middleware: CSRFGuard())
    LoginPages(accounts: accounts, store: store, views: views, throttle: throttle, secureCookies: configuration.secureCookies)
        .register(on: web)
    let customerPages = CustomerPages(store: store, views: views)
    customerPages.register(on: web)
    SuppressionPages(store: store, views: views, customers: customerPages).register(on: web)
    OrganisationPages(store: store, views: views).register(on: web)
    AdminPages(store: store, views: views).register(on: web)
    AdministrationPage(views: views).register(on: web)
    QuarantinePage(store: store, views: views).register(on: web)
    ReviewPages(store: store, views: views).register(on: web)
    WebhookPages(store: store, views: views).register(on: web)
    SurvivorshipPage(store: store, views: views).register(on: web)
    UserPages(store: store, accounts: accounts, views: views).register(on: web)
    ImportPage(store: store, views: views).register(on: web)
    TouchpointPages(store: store, views: views).register(on: web)
    HouseholdsPage(store: store, views: views).register(on: web)
    let segmentPages = SegmentPages(store: store, views: views)
    segmentPages.register(on: web)
    SegmentValuePages(store: store, views: views, segmentPages: segmentPages).register(on: web)
    OfferPages(store: store, views: views).register(on: web)
    AttributePages(store: store, views: views).register(on: web)
    DataMartPages(store: store, views: views).register(on: web)
    return router
}

/// Headers every response carries: no framing, no sniffing, no external resources.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Built once: parsing header names and values again on every response cost as much
    /// as the rest of this middleware.
    private static let fields: [HTTPField] = [
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: HTTPField.Name("X-Frame-Options")!, value: "DENY"),
        HTTPField(
            name: .contentSecurityPolicy,
            value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"),
        HTTPField(name: HTTPField.Name("Referrer-Policy")!, value: "same-origin"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.fields { response.headers[field.name] = field.value }
        return response
    }
}
