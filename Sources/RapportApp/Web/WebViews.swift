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
    private(set) var nav: [NavItem]

    struct NavItem {
        let label: String
        let href: String
        let active: Bool
    }

    /// The navigation later modules plug into: each section names the permission it needs.
    /// Daily work sits in the top bar; administration (data stewardship, accounts, audit)
    /// sits behind one "Administration" entry, so the bar stays one line as modules arrive.
    static let sections: [NavSection] = [
        NavSection("Dashboard", "/", .readPeople),
        NavSection("Customers", "/customers", .readPeople),
        NavSection("Organisations", "/organisations", .readOrganisations),
        NavSection("Segments", "/segments", .readPeople),
        NavSection("Attributes", "/attributes", .readPeople),
        NavSection("Offers", "/offers", .readPeople),
        NavSection("Analytics", "/analytics", .readAnalytics),
        NavSection("Lifetime value", "/value", .readAnalytics),
        NavSection("Data marts", "/marts", .manageDataMarts),
        NavSection(
            "Audit log", "/admin/audit", .readAudit, administration: "Who read or changed what, and when: every person's data."),
        NavSection(
            "Touchpoints", "/admin/touchpoints", .manageTouchpoints,
            administration: "Where records come from: each source's trust rank and the attributes it may supply."),
        NavSection(
            "Import", "/admin/import", .manageTouchpoints,
            administration: "Load a CSV file into a touchpoint through ingestion, with a column mapping."),
        NavSection(
            "Quarantine", "/admin/quarantine", .manageTouchpoints,
            administration: "Records that could not be used as sent: correct and replay them, or discard them."),
        NavSection(
            "Households", "/admin/households", .resolveIdentities,
            administration: "How people are grouped into households, movers files and enrichment files."),
        NavSection(
            "Survivorship", "/admin/survivorship", .resolveIdentities,
            administration: "Which source's value each profile keeps, attribute by attribute, and recomputing them."),
        NavSection(
            "Suppressions", "/admin/suppressions", .suppressPeople,
            administration: "People and contact points taken out of all contact: deceased, undeliverable, on request."),
        NavSection(
            "Webhooks", "/admin/webhooks", .manageWebhooks,
            administration: "Receivers told of changes, with every delivery attempt."),
        NavSection("Users", "/admin/users", .manageUsers, administration: "Staff accounts, their roles and API tokens."),
        NavSection(
            "Reviews", "/reviews", .resolveIdentities,
            administration: "Pairs that may be one person: the evidence side by side, to merge or to keep apart."),
    ]

    /// The index of the administration pages.
    static let administrationHref = "/admin"

    init(title: String, active: String, context: AppRequestContext) {
        self.title = title
        let user = context.identity
        userName = user?.displayName ?? ""
        roleLabel = user?.role.label ?? ""
        csrf = context.csrfToken ?? ""
        let permissions = user?.role.permissions ?? []
        let permitted = Self.sections.filter { permissions.contains($0.permission) }
        nav = permitted.filter { $0.administration == nil }.map { NavItem(label: $0.label, href: $0.href, active: $0.href == active) }
        let administration = permitted.filter { $0.administration != nil }
        if !administration.isEmpty {
            let inside = active == Self.administrationHref || administration.contains { $0.href == active }
            nav.append(NavItem(label: "Administration", href: Self.administrationHref, active: inside))
        }
    }
}

/// One entry of the navigation: a page and the permission it needs. `administration` is the
/// line the administration index shows for it; work pages have none and sit in the top bar.
struct NavSection {
    let label: String
    let href: String
    let permission: Permission
    let administration: String?

    init(_ label: String, _ href: String, _ permission: Permission, administration: String? = nil) {
        self.label = label
        self.href = href
        self.permission = permission
        self.administration = administration
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
