import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/quarantine`: records that could not be used as sent (R1.4), to be corrected
/// and replayed, or discarded with a reason. For administrators (`touchpoints:manage`).
struct QuarantineAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("quarantine", .manageTouchpoints) { request, _, actor in
            let params = try ListParameters(request)
            let page = try await store.quarantine.list(
                source: try params.id("touchpointID"), status: try params.value("status", as: QuarantineStatus.self),
                cursor: params.cursor, limit: params.limit, by: actor)
            return try JSONResponse.make(page)
        }
        api.get("quarantine/:id", .manageTouchpoints) { request, context, actor in
            try JSONResponse.make(try await store.quarantine.find(try request.pathID(context, entity: "quarantine item"), by: actor))
        }
        api.post("quarantine/:id/replay", .manageTouchpoints) { request, context, actor in
            let id: QuarantineID = try request.pathID(context, entity: "quarantine item")
            let body = try await IngestionBody.collect(request, limit: 1 << 20)
            let (item, result) = try await store.quarantine.replay(id, with: IngestionBody.request(payload: body, lineage: "replay"), by: actor)
            return try JSONResponse.make(ReplayResponse(item: item, result: result))
        }
        api.post("quarantine/:id/discard", .manageTouchpoints) { request, context, actor in
            let id: QuarantineID = try request.pathID(context, entity: "quarantine item")
            let body = try await request.decodeJSON(DiscardBody.self, context: context)
            return try JSONResponse.make(try await store.quarantine.discard(id, reason: body.reason, by: actor))
        }
    }
}

/// The closed item and what the corrected record became.
struct ReplayResponse: Encodable {
    let item: QuarantineItem
    let result: IngestionResult
}

/// `{"reason": "…"}`: why an item is discarded.
struct DiscardBody: Decodable {
    let reason: String?
}
