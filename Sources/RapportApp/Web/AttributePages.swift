import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/attributes`: the runtime-defined attributes (R3.1) — every definition with its type,
/// choices, purpose and how many people hold a value — and, for `attributes:manage`, a form
/// to define a new one. Values are set over the API, by imports and by touchpoints.
struct AttributePages {
    let store: Store
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("attributes") { _, context -> Response in
            _ = try context.actor(needing: .readPeople)
            return try await page(context: context)
        }
        web.post("attributes") { request, context -> Response in
            let actor = try context.actor(needing: .manageAttributes)
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: 1 << 16)))
            let choices = (fields["choices"] ?? "").split(separator: ",").map { $0.trimmingSpaces() }
                .filter { !$0.isEmpty }
            let draft = AttributeDefinitionDraft(
                key: fields["key"], label: fields["label"], type: fields["type"], choices: choices, purpose: fields["purpose"])
            do {
                try await store.attributes.define(try draft.validated(id: store.ids.make(), now: Date()), by: actor)
            } catch let DomainError.invalid(issues) {
                return try await page(context: context, draft: draft, errors: issues)
            }
            return Response(status: .seeOther, headers: [.location: "/attributes"])
        }
    }

    private func page(context: AppRequestContext, draft: AttributeDefinitionDraft? = nil, errors: [FieldIssue] = [])
        async throws -> Response
    {
        let model = AttributeListPage(
            definitions: try await store.attributes.definitions(), holders: try await store.attributes.holders(),
            draft: draft ?? AttributeDefinitionDraft(), errors: errors, context: context)
        return views.page("attributes", model, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}

/// The page model of `/attributes`.
struct AttributeListPage {
    let chrome: PageChrome
    let definitions: [Row]
    let canManage: Bool
    let key: String
    let label: String
    let choices: String
    let types: [Option]
    let analytics: Bool
    let errors: [String]
    let hasErrors: Bool

    struct Row { let key: String; let label: String; let type: String; let choices: String; let purpose: String; let holders: String }
    struct Option { let value: String; let selected: Bool }

    init(
        definitions: [AttributeDefinition], holders: [String: Int], draft: AttributeDefinitionDraft, errors: [FieldIssue],
        context: AppRequestContext
    ) {
        chrome = PageChrome(title: "Attributes", active: "/attributes", context: context)
        self.definitions = definitions.map {
            Row(
                key: $0.key, label: $0.label, type: $0.type.rawValue.replacingOccurrences(of: "_", with: " "),
                choices: $0.choices.joined(separator: ", "), purpose: $0.purpose.rawValue, holders: String(holders[$0.key] ?? 0))
        }
        canManage = context.identity?.role.permissions.contains(.manageAttributes) ?? false
        key = draft.key ?? ""
        label = draft.label ?? ""
        choices = (draft.choices ?? []).joined(separator: ", ")
        types = AttributeType.allCases.map { Option(value: $0.rawValue, selected: $0.rawValue == (draft.type ?? "text")) }
        analytics = draft.purpose == AttributePurpose.analytics.rawValue
        self.errors = errors.map { "\($0.field): \($0.message)" }
        hasErrors = !errors.isEmpty
    }
}
