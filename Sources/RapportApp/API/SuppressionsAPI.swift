import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// Elimination (R1.10): `POST/GET /api/v1/people/{id}/suppressions`,
/// `POST /api/v1/suppressions/{id}/lift` and `GET /api/v1/suppressions` (filter by
/// `reason`, `current=true` for current ones only, cursor paging). Suppressing and lifting
/// need `people:suppress`; reading needs `people:read`.
struct SuppressionsAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.post("people/:id/suppressions", .suppressPeople) { request, context, actor in
            let id: PersonID = try request.pathID(context, entity: "person")
            let draft = try await request.decodeJSON(SuppressionDraft.self, context: context)
            let suppression = try await store.suppressions.suppress(id, try draft.validated(), by: actor)
            return try JSONResponse.make(
                suppression, status: .created, location: "/api/v1/people/\(id)/suppressions")
        }
        api.get("people/:id/suppressions", .readPeople) { request, context, actor in
            try JSONResponse.make(try await store.suppressions.forPerson(try request.pathID(context, entity: "person"), by: actor))
        }
        api.post("suppressions/:id/lift", .suppressPeople) { request, context, actor in
            let id: SuppressionID = try request.pathID(context, entity: "suppression")
            return try JSONResponse.make(try await store.suppressions.lift(id, by: actor))
        }
        api.get("suppressions", .readPeople) { request, _, actor in
            let params = try ListParameters(request)
            let current = try Self.flag(params["current"], field: "current")
            let page = try await store.suppressions.list(
                reason: try params.value("reason", as: SuppressionReason.self), currentOnly: current,
                cursor: params.cursor, limit: params.limit, by: actor)
            return try JSONResponse.make(page)
        }
    }

    /// `true`/`false` (absent is false), or an error naming the parameter.
    static func flag(_ text: String?, field: String) throws(DomainError) -> Bool {
        switch text {
        case nil, "false": return false
        case "true": return true
        case let other?: throw .invalid([.unknown(field, value: other, allowed: ["true", "false"])])
        }
    }
}
