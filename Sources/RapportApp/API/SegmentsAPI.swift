import Foundation
import Hummingbird
import RapportCore
import RapportSegments
import RapportStore

/// `/api/v1/segments`: saved segments (R3.2) with rules as text or JSON, their live members,
/// a preview of size and value for a rule not yet saved, freezing into a static list, and
/// the segments one person belongs to (`/api/v1/people/{id}/segments`, segments of one).
/// Reading needs `people:read` (members are filtered for partner agents in the store);
/// everything else `segments:manage`.
struct SegmentsAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("segments", .readPeople) { _, _, _ in
            try JSONResponse.make(try await store.segments.list().map { SegmentResource($0) })
        }
        api.post("segments", .manageSegments) { request, context, actor in
            let body = try await request.decodeJSON(SegmentCreateBody.self, context: context)
            let fields = try body.draft.validated()
            let segment = try await store.segments.create(
                fields, rule: try RuleInput.read(body.rule), personIDs: try body.people(), by: actor)
            return try JSONResponse.make(
                SegmentResource(segment), status: .created, location: "/api/v1/segments/\(segment.key)")
        }
        api.post("segments/preview", .manageSegments) { request, context, actor in
            let body = try await request.decodeJSON(SegmentPreviewBody.self, context: context)
            let purpose = try body.purposeValue()
            guard let rule = try RuleInput.read(body.rule) else { throw DomainError.invalid([.required("rule")]) }
            return try JSONResponse.make(
                try await store.segments.preview(rule, purpose: purpose, definingKey: body.key, by: actor))
        }
        api.get("segments/:key", .readPeople) { _, context, actor in
            let key = try context.parameters.require("key")
            let segment = try await store.segments.find(key)
            return try JSONResponse.make(
                SegmentResource(segment, size: try await store.segments.size(of: key, by: actor)))
        }
        api.patch("segments/:key", .manageSegments) { request, context, actor in
            let key = try context.parameters.require("key")
            let body = try await request.decodeJSON(SegmentPatchBody.self, context: context)
            let segment = try await store.segments.update(
                key, with: body.patch, rule: try RuleInput.read(body.rule), by: actor)
            return try JSONResponse.make(SegmentResource(segment))
        }
        api.delete("segments/:key", .manageSegments) { _, context, actor in
            try await store.segments.delete(try context.parameters.require("key"), by: actor)
            return Response(status: .noContent)
        }
        api.get("segments/:key/members", .readPeople) { request, context, actor in
            let params = try ListParameters(request)
            let page = try await store.segments.members(
                of: try context.parameters.require("key"), cursor: params.cursor, limit: params.limit, by: actor)
            return try JSONResponse.make(page)
        }
        api.get("people/:id/segments", .readPeople) { request, context, actor in
            try JSONResponse.make(
                try await store.segments.segments(of: try request.pathID(context, entity: "person"), by: actor))
        }
        api.post("segments/:key/freeze", .manageSegments) { request, context, actor in
            let key = try context.parameters.require("key")
            let body = try await request.decodeJSONIfAny(SegmentFreezeBody.self, context: context)
            let frozen = try await store.segments.freeze(key, as: body?.key, name: body?.name, by: actor)
            return try JSONResponse.make(
                SegmentResource(frozen), status: .created, location: "/api/v1/segments/\(frozen.key)")
        }
    }
}
