import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/admin/touchpoints`: the registry of touchpoints (R1.1) — every source with its kind, its
/// trust rank (which survivorship prefers) and the attributes it may supply — with a form to
/// register one and one per touchpoint to change it. The same validation as the API
/// (``TouchpointDraft``, ``TouchpointPatch``); a rejected form comes back with its values and
/// the reasons, field by field.
struct TouchpointPages {
    let store: Store
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("admin/touchpoints") { _, context -> Response in
            _ = try context.actor(needing: .manageTouchpoints)
            return try await page(context: context)
        }
        web.post("admin/touchpoints") { request, context -> Response in
            let actor = try context.actor(needing: .manageTouchpoints)
            let fields = try await Self.fields(of: request)
            let draft = TouchpointDraft(
                name: fields["name"], kind: fields["kind"], trustRank: Self.rank(fields["trustRank"]),
                allowedAttributes: Self.allowed(in: fields))
            do {
                let custom = try await customAttributes()
                try await store.sources.register(try draft.validated(id: store.ids.make(), now: Date(), customAttributes: custom), by: actor)
            } catch let error as DomainError {
                guard let issues = Self.issues(error) else { throw error }
                return try await page(context: context, rejected: .init(draft: draft, issues: issues))
            }
            return Response(status: .seeOther, headers: [.location: "/admin/touchpoints"])
        }
        web.post("admin/touchpoints/:id") { request, context -> Response in
            let actor = try context.actor(needing: .manageTouchpoints)
            let id: SourceID = try request.pathID(context, entity: "touchpoint")
            let fields = try await Self.fields(of: request)
            let patch = TouchpointPatch(
                kind: fields["kind"], trustRank: Self.rank(fields["trustRank"]), allowedAttributes: Self.allowed(in: fields))
            do {
                _ = try await store.sources.update(id, with: patch, customAttributes: try await customAttributes(), by: actor)
            } catch let error as DomainError {
                guard let issues = Self.issues(error) else { throw error }
                return try await page(context: context, rejected: .init(editing: id, issues: issues))
            }
            return Response(status: .seeOther, headers: [.location: "/admin/touchpoints#touchpoint-\(id)"])
        }
    }

    private func page(context: AppRequestContext, rejected: TouchpointListPage.Rejection? = nil) async throws -> Response {
        let model = TouchpointListPage(
            touchpoints: try await store.sources.list(), custom: try await customAttributes().sorted(), rejected: rejected,
            context: context)
        return views.page("touchpoints", model, status: rejected == nil ? .ok : .unprocessableContent)
    }

    private func customAttributes() async throws -> Set<String> {
        Set(try await store.attributes.definitions().map(\.key))
    }

    /// The field-level reasons of a refused form (invalid values, a name already taken);
    /// nil for errors that are not the form's fault, which go to the error page.
    private static func issues(_ error: DomainError) -> [FieldIssue]? {
        switch error {
        case .invalid(let issues): issues
        case .conflict(let field, let message): [FieldIssue(field: field, code: "conflict", message: message)]
        default: nil
        }
    }

    private static func fields(of request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: 1 << 16)))
    }

    /// The rank as typed; a value that is not a whole number is sent on as 0, so the rule
    /// "1 to 100" rejects it with its own message instead of it being taken as missing.
    private static func rank(_ text: String?) -> Int? {
        guard let text = text?.trimmingSpaces(), !text.isEmpty else { return nil }
        return Int(text) ?? 0
    }

    /// The ticked attribute boxes (`allow.NAME`), in the form's order.
    private static func allowed(in fields: FormFields) -> [String] {
        fields.values.keys.filter { $0.hasPrefix("allow.") }.map { String($0.dropFirst("allow.".count)) }.sorted()
    }
}

/// The page model of `/admin/touchpoints`.
struct TouchpointListPage {
    let chrome: PageChrome
    let touchpoints: [Row]
    let form: Form
    let errors: [String]
    let hasErrors: Bool

    /// A form that was refused: a new touchpoint's values, or which touchpoint was being changed.
    struct Rejection {
        var draft: TouchpointDraft?
        var editing: SourceID?
        let issues: [FieldIssue]

        init(draft: TouchpointDraft, issues: [FieldIssue]) {
            self.draft = draft
            self.issues = issues
        }

        init(editing: SourceID, issues: [FieldIssue]) {
            self.editing = editing
            self.issues = issues
        }
    }

    struct Row {
        let id: String
        let name: String
        let kind: String
        let trustRank: Int
        let allowed: String
        let created: String
        let form: Form
        let rejected: Bool
    }

    struct Form {
        let name: String
        let trustRank: String
        let kinds: [Choice]
        let attributes: [Choice]
    }

    struct Choice { let value: String; let label: String; let selected: Bool }

    init(touchpoints: [Touchpoint], custom: [String], rejected: Rejection?, context: AppRequestContext) {
        chrome = PageChrome(title: "Touchpoints", active: "/admin/touchpoints", context: context)
        let names = TouchpointAttribute.names + custom
        func form(name: String, rank: String, kind: String?, allowed: [String]) -> Form {
            Form(
                name: name, trustRank: rank,
                kinds: TouchpointKind.allCases.map {
                    Choice(value: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "_", with: " "), selected: $0.rawValue == kind)
                },
                attributes: names.map { Choice(value: $0, label: $0, selected: allowed.contains($0)) })
        }
        self.touchpoints = touchpoints.sorted { ($0.trustRank, $0.name) < ($1.trustRank, $1.name) }.map {
            Row(
                id: $0.id.rawValue, name: $0.name, kind: $0.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                trustRank: $0.trustRank, allowed: $0.allowedAttributes.isEmpty ? "any" : $0.allowedAttributes.joined(separator: ", "),
                created: String(Timestamp.format($0.createdAt).prefix(10)),
                form: form(name: $0.name, rank: String($0.trustRank), kind: $0.kind.rawValue, allowed: $0.allowedAttributes),
                rejected: rejected?.editing == $0.id)
        }
        let draft = rejected?.draft
        self.form = form(
            name: draft?.name ?? "", rank: draft?.trustRank.map(String.init) ?? "", kind: draft?.kind ?? TouchpointKind.web.rawValue,
            allowed: draft?.allowedAttributes ?? [])
        errors = (rejected?.issues ?? []).map { "\($0.field): \($0.message)" }
        hasErrors = !errors.isEmpty
    }
}
