import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/customers` (search by name, e-mail, phone or ID) and `/customers/{id}` (the 360 page).
struct CustomerPages {
    let store: Store
    let views: WebViews

    struct SearchPage {
        let chrome: PageChrome
        let query: String
        let results: [Result]
        let searched: Bool
        let nextCursor: String?

        struct Result { let id: String; let name: String; let country: String; let born: String; let status: String }
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("customers") { request, context -> Response in
            let actor = try context.actor(needing: .readPeople)
            let params = try ListParameters(request)
            let query = params["q"] ?? ""
            let page = try await store.people.list(
                PersonFilter(text: query.isEmpty ? nil : query),
                order: query.isEmpty ? ListOrder(column: "created_at", descending: true) : ListOrder(column: "search_family", descending: false),
                cursor: params.cursor, limit: 25, by: actor)
            let results = page.items.map {
                SearchPage.Result(
                    id: $0.id.rawValue, name: $0.displayName, country: $0.country ?? "", born: $0.birthDate.map { String($0.year) } ?? "",
                    status: $0.status == .active ? "" : $0.status.rawValue)
            }
            let model = SearchPage(
                chrome: PageChrome(title: "Customers", active: "/customers", context: context), query: query, results: results,
                searched: !query.isEmpty, nextCursor: page.nextCursor)
            return views.page("customers", model)
        }
        web.get("customers/:id") { request, context -> Response in
            let actor = try context.actor(needing: .readPeople)
            return try await page(
                of: try request.pathID(context, entity: "person"), by: actor, context: context,
                mergedFrom: try ListParameters(request)["mergedFrom"])
        }
    }

    /// The 360 page; `problems` are those of a suppression form that came back, `mergedFrom`
    /// the old ID a visitor followed to this survivor of a merge.
    func page(
        of id: PersonID, by actor: Actor, context: AppRequestContext, problems: [FieldIssue] = [],
        status: HTTPResponse.Status = .ok, mergedFrom: String? = nil
    ) async throws -> Response {
        let view: CustomerView
        do {
            view = try await store.customers.view(of: id, by: actor)
        } catch let merged as MergedPersonError {
            // An old ID leads to the person it was merged into, who is told where the visitor came from.
            return Response(status: .seeOther, headers: [.location: "/customers/\(merged.survivorID)?mergedFrom=\(id)"])
        }
        // Segments of one and the offers that fit them are evaluated live next to the 360, not kept in it.
        let segments = try await store.segments.segments(of: id, by: actor)
        let offers = try await store.offers.offers(for: id, by: actor)
        var page = CustomerPageModel(view: view, segments: segments, offers: offers, context: context)
        page.golden = CustomerPageModel.GoldenSection(view.golden)
        page.lifetime = try await store.lifetimeValues.person(id, in: segments, by: actor).map(CustomerPageModel.PersonLifetime.init)
        if let household = view.household {
            page.householdValue = ValueViews.historic(try await store.households.value(of: household.id, by: actor))
        }
        page.suppressionPanel = SuppressionPanel(view: view, canSuppress: actor.role.permissions.contains(.suppressPeople))
        page.suppressionPanel?.problems = problems
        page.merges = try await ReviewPages.panel(for: id, mergedFrom: mergedFrom, store: store, context: context)
        return views.page("customer", page, status: status)
    }
}
