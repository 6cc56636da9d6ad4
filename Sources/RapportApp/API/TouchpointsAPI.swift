import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/touchpoints`: the registry of sources (R1.1). Administrators register and
/// change touchpoints; any member of staff may read them.
struct TouchpointsAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("touchpoints", .readPeople) { _, _, _ in
            try JSONResponse.make(try await store.sources.list())
        }
        api.post("touchpoints", .manageTouchpoints) { request, context, actor in
            let draft = try await request.decodeJSON(TouchpointDraft.self, context: context)
            let touchpoint = try draft.validated(id: store.ids.make(), now: Date(), customAttributes: try await customAttributes())
            try await store.sources.register(touchpoint, by: actor)
            return try JSONResponse.make(touchpoint, status: .created, location: "/api/v1/touchpoints/\(touchpoint.id)")
        }
        api.get("touchpoints/:id", .readPeople) { request, context, _ in
            try JSONResponse.make(try await store.sources.find(try request.pathID(context, entity: "touchpoint")))
        }
        api.patch("touchpoints/:id", .manageTouchpoints) { request, context, actor in
            let id: SourceID = try request.pathID(context, entity: "touchpoint")
            let patch = try await request.decodeJSON(TouchpointPatch.self, context: context)
            return try JSONResponse.make(try await store.sources.update(id, with: patch, customAttributes: try await customAttributes(), by: actor))
        }
    }

    private func customAttributes() async throws -> Set<String> {
        Set(try await store.attributes.definitions().map(\.key))
    }
}
