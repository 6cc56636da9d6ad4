import Foundation
import Hummingbird
import Mustache
import RapportCore

/// The Mustache templates and the folder of CSS and JavaScript, both shipped as resources
/// of this module. Views only render what their page model holds; no view queries.
struct WebViews: Sendable {
    let library: MustacheLibrary

    static var resources: URL { Bundle.module.url(forResource: "Resources", withExtension: nil)! }
    static var publicDirectory: String { resources.appendingPathComponent("public").path }

    static func load() async throws -> WebViews {
        WebViews(library: try await MustacheLibrary(directory: resources.appendingPathComponent("templates").path))
    }

    /// Renders `template` with `model` as an HTML response.
    func page(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(model, withTemplate: template) ?? "<!doctype html><title>Rapport</title><p>Template \(template) is missing."
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What every page's frame needs: title, the signed-in user, the navigation, the CSRF token.
struct PageChrome {
    let title: String
    let userName: String
    let roleLabel: String
    let csrf: String
    let nav: [NavItem]

    struct NavItem {
        let label: String
        let href: String
        let active: Bool
    }

    /// The navigation later modules plug into: each item names the permission it needs.
    static let sections: [(label: String, href: String, permission: Permission)] = [
        ("Dashboard", "/", .readPeople),
        ("Customers", "/customers", .readPeople),
        ("Organisations", "/organisations", .readOrganisations),
        ("Segments", "/segments", .readPeople),
        ("Attributes", "/attributes", .readPeople),
        ("Offers", "/offers", .readPeople),
        ("Analytics", "/analytics", .readAnalytics),
        ("Lifetime value", "/value", .readAnalytics),
        ("Audit log", "/admin/audit", .readAudit),
        ("Import", "/admin/import", .manageTouchpoints),
        ("Quarantine", "/admin/quarantine", .manageTouchpoints),
        ("Households", "/admin/households", .resolveIdentities),
        ("Webhooks", "/admin/webhooks", .manageWebhooks),
        ("Users", "/admin/users", .manageUsers),
    ]

    init(title: String, active: String, context: AppRequestContext) {
        self.title = title
        let user = context.identity
        userName = user?.displayName ?? ""
        roleLabel = user?.role.label ?? ""
        csrf = context.csrfToken ?? ""
        let permissions = user?.role.permissions ?? []
        nav = Self.sections.filter { permissions.contains($0.permission) }.map {
            NavItem(label: $0.label, href: $0.href, active: $0.href == active)
        }
    }
}

/// Redirects browsers without a session to the login page; renders errors as pages.
struct WebErrorPages: RouterMiddleware {
    typealias Context = AppRequestContext
    let views: WebViews

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error)
            if problem?.status == 401 {
                let target = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                return Response(status: .seeOther, headers: [.location: "/login?next=\(target)"])
            }
            if problem == nil {
                context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            }
            let status = HTTPResponse.Status(code: problem?.status ?? 500)
            return views.page(
                "error",
                ErrorPage(
                    chrome: PageChrome(title: status.reasonPhrase, active: "", context: context), status: status.code,
                    message: problem?.detail ?? "Something went wrong on our side; it has been logged."),
                status: status)
        }
    }
}

struct ErrorPage {
    let chrome: PageChrome
    let status: Int
    let message: String
}
