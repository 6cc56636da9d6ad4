import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/offers`: the offers and actions with a form to create one and a button to delete each.
/// Anyone who reads people sees the list; the form and the buttons need `segments:manage`.
/// A form with problems comes back filled in, with each problem named, and status 422.
struct OfferPages {
    let store: Store
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("offers") { _, context -> Response in
            _ = try context.actor(needing: .readPeople)
            return try await list(OfferListPage.Form(), problems: [], context: context)
        }
        web.post("offers") { request, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            var request = request
            let form = OfferListPage.Form(FormFields(String(buffer: try await request.collectBody(upTo: 1 << 20))))
            do {
                _ = try await store.offers.create(try form.draft.validated(), by: actor)
                return Response(status: .seeOther, headers: [.location: "/offers"])
            } catch let error as DomainError {
                let problems: [FieldIssue]
                switch error {
                case .invalid(let issues): problems = issues
                case .conflict(let field, let message):
                    problems = [FieldIssue(field: field, code: "conflict", message: message)]
                default: throw error
                }
                return try await list(form, problems: problems, context: context, status: .unprocessableContent)
            }
        }
        web.post("offers/:key/delete") { _, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            try await store.offers.delete(try context.parameters.require("key"), by: actor)
            return Response(status: .seeOther, headers: [.location: "/offers"])
        }
    }

    private func list(
        _ form: OfferListPage.Form, problems: [FieldIssue], context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = OfferListPage(
            offers: try await store.offers.list(), segments: try await store.segments.list(), form: form,
            problems: problems, context: context)
        return views.page("offers", page, status: status)
    }
}
