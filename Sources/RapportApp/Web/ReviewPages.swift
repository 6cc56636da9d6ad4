import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/reviews`: the clerical-review queue (R1.7) — pairs the match model was unsure of, each
/// shown side by side with the per-field evidence, to accept (merge) or reject (different
/// people); and the merge and unmerge forms of the 360 page's "Merges" panel. Data stewards
/// only (`identity:resolve`).
struct ReviewPages {
    let store: Store
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("reviews") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let params = try ListParameters(request)
            let page = try await store.reviews.list(cursor: params.cursor, limit: 50, by: actor)
            let names = try await store.reviews.names(of: page.items.flatMap { [$0.personID, $0.candidateID] })
            let rows = page.items.map {
                ReviewListPage.Row(
                    id: $0.id.rawValue, probability: ReviewCasePage.percent($0.probability),
                    person: names[$0.personID] ?? $0.personID.rawValue, candidate: names[$0.candidateID] ?? $0.candidateID.rawValue,
                    origin: $0.origin, at: MergesPanel.instant($0.createdAt))
            }
            let chrome = PageChrome(title: "Reviews", active: "/reviews", context: context)
            return views.page("reviews", ReviewListPage(chrome: chrome, reviews: rows, nextCursor: page.nextCursor))
        }
        web.get("reviews/:id") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let detail = try await store.reviews.detail(try request.pathID(context, entity: "review"), by: actor)
            let chrome = PageChrome(title: "Review", active: "/reviews", context: context)
            return views.page(
                "review", ReviewCasePage(chrome: chrome, review: detail.review, person: detail.person, candidate: detail.candidate))
        }
        web.post("reviews/:id/accept") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let id: MatchReviewID = try request.pathID(context, entity: "review")
            let (_, merge) = try await store.reviews.accept(id, note: try await Self.fields(request)["note"], by: actor)
            return Self.see("/customers/\(merge.survivorID)")
        }
        web.post("reviews/:id/reject") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let id: MatchReviewID = try request.pathID(context, entity: "review")
            _ = try await store.reviews.reject(id, note: try await Self.fields(request)["note"], by: actor)
            return Self.see("/reviews")
        }
        web.post("customers/:id/merge") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let survivor: PersonID = try request.pathID(context, entity: "person")
            let absorbed = try MergeBody(absorb: try await Self.fields(request)["absorb"]).absorbedID()
            _ = try await store.merges.merge(absorbed, into: survivor, by: actor)
            return Self.see("/customers/\(survivor)")
        }
        web.post("merges/:id/unmerge") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let merge = try await store.merges.unmerge(try request.pathID(context, entity: "merge"), by: actor)
            return Self.see("/customers/\(merge.survivorID)")
        }
    }

    /// The 360 page's panel, or nil for users who may not merge.
    static func panel(for person: PersonID, mergedFrom: String?, store: Store, context: AppRequestContext) async throws
        -> MergesPanel?
    {
        guard let actor = try? context.actor(needing: .resolveIdentities) else { return nil }
        let merges = try await store.merges.history(of: person, by: actor)
        let names = try await store.reviews.names(of: merges.flatMap { [$0.survivorID, $0.absorbedID] })
        return MergesPanel(
            person: person, merges: merges, names: names, mergedFrom: mergedFrom.flatMap { PersonID(parsing: $0)?.rawValue },
            csrf: context.csrfToken ?? "")
    }

    private static func see(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    private static func fields(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: 1 << 16)))
    }
}
