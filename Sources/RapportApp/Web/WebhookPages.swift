import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/admin/webhooks`: the subscriptions with their latest deliveries, a form to add one
/// (the signing secret is on the page that answers it, and nowhere afterwards), and
/// buttons to send a ping, deactivate or reactivate, and delete.
struct WebhookPages {
    let store: Store
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("admin/webhooks") { _, context -> Response in
            _ = try context.actor(needing: .manageWebhooks)
            return try await page(context: context)
        }
        web.post("admin/webhooks") { request, context -> Response in
            let actor = try context.actor(needing: .manageWebhooks)
            let fields = try await Self.fields(request)
            let form = WebhookPage.Form(fields)
            do {
                let draft = WebhookDraft(url: form.url, events: form.events, description: form.description)
                let created = try await store.webhooks.create(
                    try draft.validated(id: store.ids.make(), by: actor, now: Date()), by: actor)
                let secret = WebhookPage.Secret(
                    id: created.subscription.id.rawValue, url: created.subscription.url, secret: created.secret)
                return try await page(context: context, secret: secret, status: .created)
            } catch let error as DomainError {
                guard case .invalid(let issues) = error else { throw error }
                return try await page(context: context, form: form, errors: issues, status: .unprocessableContent)
            }
        }
        web.post("admin/webhooks/:id/active") { request, context -> Response in
            let actor = try context.actor(needing: .manageWebhooks)
            let active = try await Self.fields(request)["active"] == "1"
            _ = try await store.webhooks.update(
                try request.pathID(context, entity: "webhook"), with: WebhookPatch(active: active), by: actor)
            return Self.backToList
        }
        web.post("admin/webhooks/:id/test") { request, context -> Response in
            let actor = try context.actor(needing: .manageWebhooks)
            _ = try await store.webhooks.ping(try request.pathID(context, entity: "webhook"), by: actor)
            return Self.backToList
        }
        web.post("admin/webhooks/:id/delete") { request, context -> Response in
            let actor = try context.actor(needing: .manageWebhooks)
            try await store.webhooks.delete(try request.pathID(context, entity: "webhook"), by: actor)
            return Self.backToList
        }
    }

    private static var backToList: Response { Response(status: .seeOther, headers: [.location: "/admin/webhooks"]) }

    private static func fields(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: 1 << 16)))
    }

    private func page(
        context: AppRequestContext, form: WebhookPage.Form = .init(), secret: WebhookPage.Secret? = nil,
        errors: [FieldIssue] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var rows: [WebhookPage.Row] = []
        for subscription in try await store.webhooks.list() {
            let deliveries = try await store.webhookDeliveries.deliveries(of: subscription.id, limit: 5)
            rows.append(WebhookPage.Row(subscription, deliveries: deliveries))
        }
        let model = WebhookPage(
            chrome: PageChrome(title: "Webhooks", active: "/admin/webhooks", context: context), subscriptions: rows,
            form: form, secret: secret, errors: errors.map { "\($0.field): \($0.message)" })
        return views.page("webhooks", model, status: status)
    }
}
