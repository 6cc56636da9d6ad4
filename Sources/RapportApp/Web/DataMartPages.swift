import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/marts`: the data marts (R1.10) with download links per part, and a form to define one
/// — name, rule (checked with the segment builder's messages, line and column included),
/// the parts to include, and a count of who it holds now (the Count button, and live while
/// typing through `/marts/count`). `/marts?edit=KEY` fills the same form with a mart to
/// change it (posted to `/marts/KEY`; the key stays). Everything needs `marts:manage`;
/// downloads need `data:export` too. A form with problems comes back filled in with 422.
struct DataMartPages {
    let store: Store
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("marts") { request, context -> Response in
            _ = try context.actor(needing: .manageDataMarts)
            guard let key = request.uri.queryParameters.get("edit") else {
                return try await list(DataMartListPage.Form(), context: context)
            }
            return try await list(DataMartListPage.Form(editing: try await store.dataMarts.find(key)), context: context)
        }
        web.post("marts") { request, context -> Response in
            try await save(request, editing: nil, context: context)
        }
        web.post("marts/:key") { request, context -> Response in
            try await save(request, editing: try context.parameters.require("key"), context: context)
        }
        web.post("marts/count") { request, context -> Response in
            let actor = try context.actor(needing: .manageDataMarts)
            var request = request
            let form = DataMartListPage.Form(FormFields(String(buffer: try await request.collectBody(upTo: 1 << 20))))
            do {
                let size = try await store.dataMarts.count(rules: form.rules, by: actor)
                return try JSONResponse.make(DataMartCount(size: size, errors: []))
            } catch {
                guard let problems = SegmentPreviewView.problems(from: error) else { throw error }
                return try JSONResponse.make(DataMartCount(size: nil, errors: problems), status: .unprocessableContent)
            }
        }
        web.post("marts/:key/delete") { _, context -> Response in
            let actor = try context.actor(needing: .manageDataMarts)
            try await store.dataMarts.delete(try context.parameters.require("key"), by: actor)
            return Response(status: .seeOther, headers: [.location: "/marts"])
        }
        web.get("marts/:key/export.csv") { request, context -> Response in
            let actor = try context.actor(needing: .manageDataMarts)
            _ = try context.actor(needing: .exportData)
            let part = try ListParameters(request).value("part", as: DataMartPart.self) ?? .profiles
            let plan = try await store.dataMarts.plan(try context.parameters.require("key"), part: part, by: actor)
            return DataMartDownload.response(plan, store: store, actor: actor)
        }
    }

    /// Creates a mart, or changes mart `editing`, from the posted form — or counts its rule
    /// (the Count button) and shows the form again.
    private func save(_ request: Request, editing: String?, context: AppRequestContext) async throws -> Response {
        let actor = try context.actor(needing: .manageDataMarts)
        var request = request
        let fields = FormFields(String(buffer: try await request.collectBody(upTo: 1 << 20)))
        var form = DataMartListPage.Form(fields)
        form.editing = editing
        if let editing { form.key = editing }
        do {
            if fields["action"] == "count" {
                form.count = try await store.dataMarts.count(rules: form.rules, by: actor)
                return try await list(form, context: context)
            }
            if let editing {
                _ = try await store.dataMarts.update(editing, with: try form.draft.validated(), by: actor)
            } else {
                _ = try await store.dataMarts.create(try form.draft.validated(), by: actor)
            }
            return Response(status: .seeOther, headers: [.location: "/marts"])
        } catch {
            guard let problems = SegmentPreviewView.problems(from: error) else { throw error }
            form.problems = problems
            return try await list(form, context: context, status: .unprocessableContent)
        }
    }

    private func list(
        _ form: DataMartListPage.Form, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = DataMartListPage(marts: try await store.dataMarts.list(), form: form, context: context)
        return views.page("marts", page, status: status)
    }
}

/// The live count's answer: the size, or the rule's problems.
struct DataMartCount: Encodable {
    let size: Int?
    let errors: [SegmentPreviewView.ErrorRow]
}
