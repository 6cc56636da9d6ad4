import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/offers`: offers and next-best actions targeted by segment, and the ones that
/// fit one person now (`/api/v1/people/{id}/offers`, segments of one, R3.4). Reading needs
/// `people:read` (a person's offers are filtered for partner agents in the store); defining
/// them is segment work, so it needs `segments:manage`.
struct OffersAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("offers", .readPeople) { _, _, _ in
            try JSONResponse.make(try await store.offers.list().map(OfferResource.init))
        }
        api.post("offers", .manageSegments) { request, context, actor in
            let draft = try await request.decodeJSON(OfferDraft.self, context: context)
            let offer = try await store.offers.create(try draft.validated(), by: actor)
            return try JSONResponse.make(
                OfferResource(offer), status: .created, location: "/api/v1/offers/\(offer.key)")
        }
        api.get("offers/:key", .readPeople) { _, context, _ in
            try JSONResponse.make(OfferResource(try await store.offers.find(try context.parameters.require("key"))))
        }
        api.patch("offers/:key", .manageSegments) { request, context, actor in
            let key = try context.parameters.require("key")
            let patch = try await request.decodeJSON(OfferPatch.self, context: context)
            return try JSONResponse.make(OfferResource(try await store.offers.update(key, with: patch, by: actor)))
        }
        api.delete("offers/:key", .manageSegments) { _, context, actor in
            try await store.offers.delete(try context.parameters.require("key"), by: actor)
            return Response(status: .noContent)
        }
        api.get("people/:id/offers", .readPeople) { request, context, actor in
            let fitting = try await store.offers.offers(for: try request.pathID(context, entity: "person"), by: actor)
            return try JSONResponse.make(fitting.map(PersonOfferResource.init))
        }
    }
}

/// An offer as the API shows it: the target segment's key as `segment`, the value as money.
struct OfferResource: Encodable {
    let id: String
    let key: String
    let name: String
    let description: String?
    let kind: Offer.Kind
    let segment: String
    let channel: Channel?
    let value: Money?
    let priority: Int
    let validFrom: LocalDate?
    let validTo: LocalDate?
    let active: Bool
    let createdBy: String
    let createdAt: Date
    let updatedBy: String
    let updatedAt: Date

    init(_ o: Offer) {
        id = o.id.rawValue
        key = o.key
        name = o.name
        description = o.description
        kind = o.kind
        segment = o.segmentKey
        channel = o.channel
        value = o.value
        priority = o.priority
        validFrom = o.validFrom
        validTo = o.validTo
        active = o.isActive
        createdBy = o.createdBy
        createdAt = o.createdAt
        updatedBy = o.updatedBy
        updatedAt = o.updatedAt
    }
}

/// An offer that fits a person, with the segment it fits them through.
struct PersonOfferResource: Encodable {
    let offer: OfferResource
    let segment: SegmentMembership

    init(_ fitting: PersonOffer) {
        offer = OfferResource(fitting.offer)
        segment = fitting.segment
    }
}
