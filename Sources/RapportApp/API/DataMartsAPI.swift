import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/marts`: data marts (R1.10), all behind `marts:manage`. `GET …/{key}/export.csv`
/// streams one part (`?part=profiles|contact_points|purchases|interactions|attributes`,
/// profiles by default) and needs `data:export` too; every exported person is audited.
/// `POST /api/v1/marts/count` gives the live count of a rule not yet saved.
struct DataMartsAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("marts", .manageDataMarts) { _, _, _ in
            try JSONResponse.make(try await store.dataMarts.list())
        }
        api.post("marts", .manageDataMarts) { request, context, actor in
            let draft = try await request.decodeJSON(DataMartDraft.self, context: context)
            let mart = try await store.dataMarts.create(try draft.validated(), by: actor)
            return try JSONResponse.make(mart, status: .created, location: "/api/v1/marts/\(mart.key)")
        }
        api.post("marts/count", .manageDataMarts) { request, context, actor in
            let draft = try await request.decodeJSON(DataMartDraft.self, context: context)
            guard let rules = draft.rules, !rules.trimmingSpacesAndNewlines().isEmpty else {
                throw DomainError.invalid([.required("rules")])
            }
            return try JSONResponse.make(["size": try await store.dataMarts.count(rules: rules, by: actor)])
        }
        api.get("marts/:key", .manageDataMarts) { _, context, _ in
            try JSONResponse.make(try await store.dataMarts.find(try context.parameters.require("key")))
        }
        api.put("marts/:key", .manageDataMarts) { request, context, actor in
            let key = try context.parameters.require("key")
            let draft = try await request.decodeJSON(DataMartDraft.self, context: context)
            if let other = draft.key, other != key {
                throw DomainError.invalid([.invalid("key", "key '\(other)' differs from the path's '\(key)'; a key never changes.")])
            }
            return try JSONResponse.make(
                try await store.dataMarts.update(key, with: try draft.validated(requireKey: false), by: actor))
        }
        api.delete("marts/:key", .manageDataMarts) { _, context, actor in
            try await store.dataMarts.delete(try context.parameters.require("key"), by: actor)
            return Response(status: .noContent)
        }
        api.get("marts/:key/export.csv", .manageDataMarts) { request, context, actor in
            _ = try context.actor(needing: .exportData)
            let params = try ListParameters(request)
            let part = try params.value("part", as: DataMartPart.self) ?? .profiles
            let plan = try await store.dataMarts.plan(try context.parameters.require("key"), part: part, by: actor)
            return DataMartDownload.response(plan, store: store, actor: actor)
        }
    }
}

/// A mart part as a streamed CSV download: rows are written page by page as the store
/// reads them, so memory stays flat whatever the size.
enum DataMartDownload {
    static func response(_ plan: DataMartExport, store: Store, actor: Actor) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(plan.mart.key)-\(plan.part.rawValue).csv\""
        let body = ResponseBody { writer in
            try await store.dataMarts.export(plan, by: actor) { rows in
                var text = ""
                for row in rows { text += CSVLine.encode(row) }
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
