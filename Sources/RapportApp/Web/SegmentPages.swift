import Foundation
import Hummingbird
import RapportCore
import RapportSegments
import RapportStore

/// `/segments`: the list, one segment with its members, and the segment builder — a rule
/// editor whose size and value follow the rule as it is typed (a small script posts it to
/// `/segments/preview`) and which works as a plain form without JavaScript (the Preview
/// button posts the form and the page comes back with the figures).
struct SegmentPages {
    let store: Store
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("segments") { _, context -> Response in
            _ = try context.actor(needing: .readPeople)
            return views.page("segments", SegmentListPage(segments: try await store.segments.list(), context: context))
        }
        web.get("segments/new") { _, context -> Response in
            _ = try context.actor(needing: .manageSegments)
            return try await builder(SegmentBuilderPage.Form(), isNew: true, preview: nil, context: context)
        }
        web.post("segments/new") { request, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            let (form, action) = try await Self.form(request)
            return try await submit(form, isNew: true, action: action, actor: actor, context: context) {
                let fields = try SegmentDraft(
                    key: form.key, name: form.name, description: form.description, purpose: form.purpose.rawValue
                )
                .validated()
                return try await store.segments.create(
                    fields, rule: try SegmentRuleRejection.parse(form.rule), by: actor)
            }
        }
        web.post("segments/preview") { request, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            let (form, _) = try await Self.form(request)
            let view = try await preview(form, definingKey: form.key.isEmpty ? nil : form.key, actor: actor)
            return try JSONResponse.make(view, status: view.hasErrors ? .unprocessableContent : .ok)
        }
        web.get("segments/:key") { request, context -> Response in
            let actor = try context.actor(needing: .readPeople)
            return try await detail(
                try context.parameters.require("key"), cursor: try ListParameters(request).cursor, actor: actor,
                context: context)
        }
        web.get("segments/:key/edit") { _, context -> Response in
            _ = try context.actor(needing: .manageSegments)
            let segment = try await store.segments.find(try context.parameters.require("key"))
            return try await builder(.init(segment), isNew: false, preview: nil, context: context)
        }
        web.post("segments/:key/edit") { request, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            let key = try context.parameters.require("key")
            var (form, action) = try await Self.form(request)
            form.key = key
            return try await submit(form, isNew: false, action: action, actor: actor, context: context) {
                let patch = SegmentPatch(
                    name: .set(form.name), description: .set(form.description), purpose: .set(form.purpose.rawValue))
                return try await store.segments.update(
                    key, with: patch, rule: try SegmentRuleRejection.parse(form.rule), by: actor)
            }
        }
        web.post("segments/:key/freeze") { _, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            let frozen = try await store.segments.freeze(try context.parameters.require("key"), by: actor)
            return Response(status: .seeOther, headers: [.location: "/segments/\(frozen.key)"])
        }
        web.post("segments/:key/delete") { _, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            try await store.segments.delete(try context.parameters.require("key"), by: actor)
            return Response(status: .seeOther, headers: [.location: "/segments"])
        }
    }

    /// One segment's page; `formErrors` come back on its value assumptions form (with 422).
    func detail(
        _ key: String, cursor: Cursor?, actor: Actor, context: AppRequestContext, formErrors: [FieldIssue] = []
    ) async throws -> Response {
        let segment = try await store.segments.find(key)
        let members = try await store.segments.members(of: key, cursor: cursor, limit: 50, by: actor)
        let size = try await store.segments.size(of: key, by: actor)
        var value: SegmentValueSection?
        if actor.can(.readAnalytics) {
            value = SegmentValueSection(
                try await store.lifetimeValues.segment(key, by: actor), canEdit: actor.can(.manageSegments),
                errors: formErrors)
        }
        let page = SegmentDetailPage(
            segment: segment, schema: try await store.segments.fields(), size: size, members: members, value: value,
            context: context)
        return views.page("segment", page, status: formErrors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The posted form and which button sent it (`preview` or `save`).
    private static func form(_ request: Request) async throws -> (SegmentBuilderPage.Form, String) {
        var request = request
        let fields = FormFields(String(buffer: try await request.collectBody(upTo: 1 << 20)))
        return (SegmentBuilderPage.Form(fields), fields["action"] ?? "save")
    }

    /// Previews, or saves and goes to the segment; problems come back on the form, with 422.
    private func submit(
        _ form: SegmentBuilderPage.Form, isNew: Bool, action: String, actor: Actor, context: AppRequestContext,
        save: () async throws -> Segment
    ) async throws -> Response {
        if action == "preview" {
            let view = try await preview(form, definingKey: isNew ? nil : form.key, actor: actor)
            return try await builder(
                form, isNew: isNew, preview: view, context: context,
                status: view.hasErrors ? .unprocessableContent : .ok)
        }
        do {
            let segment = try await save()
            return Response(status: .seeOther, headers: [.location: "/segments/\(segment.key)"])
        } catch {
            guard let problems = SegmentPreviewView.problems(from: error) else { throw error }
            return try await builder(
                form, isNew: isNew, preview: .init(problems: problems), context: context, status: .unprocessableContent)
        }
    }

    private func preview(_ form: SegmentBuilderPage.Form, definingKey: String?, actor: Actor) async throws
        -> SegmentPreviewView
    {
        do {
            let rule = try SegmentRuleRejection.parse(form.rule)
            return SegmentPreviewView(
                try await store.segments.preview(rule, purpose: form.purpose, definingKey: definingKey, by: actor))
        } catch {
            guard let problems = SegmentPreviewView.problems(from: error) else { throw error }
            return SegmentPreviewView(problems: problems)
        }
    }

    private func builder(
        _ form: SegmentBuilderPage.Form, isNew: Bool, preview: SegmentPreviewView?, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = SegmentBuilderPage(
            form: form, isNew: isNew, preview: preview, schema: try await store.segments.fields(), context: context)
        return views.page("segment-builder", page, status: status)
    }
}
