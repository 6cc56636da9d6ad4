import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// The web side of elimination (R1.10): the 360's suppress form and lift buttons
/// (`people:suppress`), and `/admin/suppressions`, every suppression newest first with a
/// filter by reason (`people:read`). A form with problems comes back on the 360 with each
/// problem named, and status 422.
struct SuppressionPages {
    let store: Store
    let views: WebViews
    let customers: CustomerPages

    func register(on web: RouterGroup<AppRequestContext>) {
        web.post("customers/:id/suppressions") { request, context -> Response in
            let actor = try context.actor(needing: .suppressPeople)
            let id: PersonID = try request.pathID(context, entity: "person")
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 1 << 16)))
            let draft = SuppressionDraft(
                reason: form["reason"], note: form["note"], until: form["until"], contactPointID: form["contactPointID"])
            do {
                _ = try await store.suppressions.suppress(id, try draft.validated(), by: actor)
            } catch DomainError.invalid(let issues) {
                return try await customers.page(
                    of: id, by: actor, context: context, problems: issues, status: .unprocessableContent)
            }
            return Response(status: .seeOther, headers: [.location: "/customers/\(id)#suppressions"])
        }
        web.post("suppressions/:id/lift") { request, context -> Response in
            let actor = try context.actor(needing: .suppressPeople)
            let lifted = try await store.suppressions.lift(try request.pathID(context, entity: "suppression"), by: actor)
            return Response(status: .seeOther, headers: [.location: "/customers/\(lifted.personID)#suppressions"])
        }
        web.get("admin/suppressions") { request, context -> Response in
            let actor = try context.actor(needing: .suppressPeople)
            let params = try ListParameters(request)
            let reason = try params.value("reason", as: SuppressionReason.self)
            let page = try await store.suppressions.list(
                reason: reason, currentOnly: params["current"] == "true", cursor: params.cursor, limit: 50, by: actor)
            return views.page("suppressions", SuppressionListPage(page: page, reason: reason, context: context))
        }
    }
}

/// `/admin/suppressions`: one row per suppression, linked to the person's 360.
struct SuppressionListPage {
    let chrome: PageChrome
    let rows: [Row]
    let reasons: [ReasonOption]
    let nextCursor: String?
    let reason: String

    struct Row {
        let personID: String
        let target: String
        let reason: String
        let note: String
        let created: String
        let status: String
        let current: Bool
    }

    struct ReasonOption { let value: String; let selected: Bool }

    init(page: Page<Suppression>, reason: SuppressionReason?, context: AppRequestContext) {
        chrome = PageChrome(title: "Suppressions", active: "/admin/suppressions", context: context)
        let today = LocalDate(Date())
        rows = page.items.map { s in
            Row(
                personID: s.personID.rawValue, target: s.contactPointID.map { "contact point \($0)" } ?? "whole person",
                reason: s.reason.label, note: s.note ?? "", created: "\(LocalDate(s.createdAt)) by \(s.createdBy)",
                status: s.liftedAt.map { "lifted \(LocalDate($0)) by \(s.liftedBy ?? "")" }
                    ?? (s.isCurrent(on: today) ? "current" : "ended \(s.until.map(\.description) ?? "")"),
                current: s.isCurrent(on: today))
        }
        reasons = SuppressionReason.allCases.map { ReasonOption(value: $0.rawValue, selected: $0 == reason) }
        nextCursor = page.nextCursor
        self.reason = reason?.rawValue ?? ""
    }
}
