import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/reviews` and merges (R1.7): the clerical-review queue of pairs the match model
/// was unsure of, accepting (merge) or rejecting (different people) each; manual merges;
/// each person's merge history; and unmerge. All need `identity:resolve`.
///
/// A merged person's own URLs (`/people/{id}`, `/people/{id}/360`, …) answer 410 Gone with
/// `mergedInto`, the survivor's ID: the old ID keeps resolving, and an unmerge brings it back.
struct IdentityAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("reviews", .resolveIdentities) { request, _, actor in
            let params = try ListParameters(request)
            let page = try await store.reviews.list(
                status: try params.value("status", as: MatchReviewStatus.self) ?? .open, cursor: params.cursor,
                limit: params.limit, by: actor)
            return try JSONResponse.make(Page(items: page.items.map(ReviewDocument.init), nextCursor: page.nextCursor))
        }
        api.get("reviews/:id", .resolveIdentities) { request, context, actor in
            let detail = try await store.reviews.detail(try request.pathID(context, entity: "review"), by: actor)
            return try JSONResponse.make(
                ReviewCaseDocument(review: ReviewDocument(detail.review), person: detail.person, candidate: detail.candidate))
        }
        api.post("reviews/:id/accept", .resolveIdentities) { request, context, actor in
            let id: MatchReviewID = try request.pathID(context, entity: "review")
            let body = try await request.decodeJSONIfAny(DecisionBody.self, context: context)
            let (review, merge) = try await store.reviews.accept(id, note: body?.note, by: actor)
            return try JSONResponse.make(AcceptedReview(review: ReviewDocument(review), merge: MergeDocument(merge)))
        }
        api.post("reviews/:id/reject", .resolveIdentities) { request, context, actor in
            let id: MatchReviewID = try request.pathID(context, entity: "review")
            let body = try await request.decodeJSONIfAny(DecisionBody.self, context: context)
            return try JSONResponse.make(ReviewDocument(try await store.reviews.reject(id, note: body?.note, by: actor)))
        }
        api.post("people/:id/merge", .resolveIdentities) { request, context, actor in
            let survivor: PersonID = try request.pathID(context, entity: "person")
            let body = try await request.decodeJSON(MergeBody.self, context: context)
            let merge = try await store.merges.merge(try body.absorbedID(), into: survivor, by: actor)
            return try JSONResponse.make(MergeDocument(merge), status: .created, location: "/api/v1/people/\(survivor)/merges")
        }
        api.get("people/:id/merges", .resolveIdentities) { request, context, actor in
            let merges = try await store.merges.history(of: try request.pathID(context, entity: "person"), by: actor)
            return try JSONResponse.make(merges.map(MergeDocument.init))
        }
        api.post("merges/:id/unmerge", .resolveIdentities) { request, context, actor in
            let merge = try await store.merges.unmerge(try request.pathID(context, entity: "merge"), by: actor)
            return try JSONResponse.make(MergeDocument(merge))
        }
    }
}

/// `{"absorb": "per_…"}`: the person merged into the one in the path.
struct MergeBody: Decodable {
    let absorb: String?

    func absorbedID() throws -> PersonID {
        guard let text = absorb?.trimmingSpaces(), !text.isEmpty else {
            throw DomainError.invalid([.required("absorb")])
        }
        guard let id = PersonID(parsing: text) else {
            throw DomainError.invalid([.invalid("absorb", "absorb '\(text)' is not a per_… identifier.")])
        }
        return id
    }
}

/// `{"note": "…"}` (optional) with a review's decision.
struct DecisionBody: Decodable {
    let note: String?
}

/// The review that was accepted and the merge it made.
struct AcceptedReview: Encodable {
    let review: ReviewDocument
    let merge: MergeDocument
}

/// A review with both people as they are now.
struct ReviewCaseDocument: Encodable {
    let review: ReviewDocument
    let person: ReviewedPerson
    let candidate: ReviewedPerson
}
