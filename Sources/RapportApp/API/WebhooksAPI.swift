import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/webhooks`: outbound webhook subscriptions (R10.2) for administrators — create
/// (the signing secret is in that one response only), read, change, delete, the log of
/// deliveries and their attempts, and a test `ping`.
struct WebhooksAPI {
    let store: Store

    /// A subscription as created: every field and, this once, the secret.
    struct Created: Encodable {
        let id: WebhookSubscriptionID
        let url: String
        let events: [WebhookEventType]
        let description: String?
        let active: Bool
        let createdBy: String
        let createdAt: Date
        let updatedAt: Date
        let secret: String

        init(_ s: WebhookSubscription, secret: String) {
            (id, url, events, description, active) = (s.id, s.url, s.events, s.description, s.active)
            (createdBy, createdAt, updatedAt, self.secret) = (s.createdBy, s.createdAt, s.updatedAt, secret)
        }
    }

    func register(on api: APIRoutes) {
        api.get("webhooks", .manageWebhooks) { _, _, _ in
            try JSONResponse.make(try await store.webhooks.list())
        }
        api.post("webhooks", .manageWebhooks) { request, context, actor in
            let draft = try await request.decodeJSON(WebhookDraft.self, context: context)
            let subscription = try draft.validated(id: store.ids.make(), by: actor, now: Date())
            let (created, secret) = try await store.webhooks.create(subscription, by: actor)
            return try JSONResponse.make(
                Created(created, secret: secret), status: .created, location: "/api/v1/webhooks/\(created.id)")
        }
        api.get("webhooks/:id", .manageWebhooks) { request, context, _ in
            try JSONResponse.make(try await store.webhooks.find(try request.pathID(context, entity: "webhook")))
        }
        api.patch("webhooks/:id", .manageWebhooks) { request, context, actor in
            let id: WebhookSubscriptionID = try request.pathID(context, entity: "webhook")
            let patch = try await request.decodeJSON(WebhookPatch.self, context: context)
            return try JSONResponse.make(try await store.webhooks.update(id, with: patch, by: actor))
        }
        api.delete("webhooks/:id", .manageWebhooks) { request, context, actor in
            try await store.webhooks.delete(try request.pathID(context, entity: "webhook"), by: actor)
            return Response(status: .noContent)
        }
        api.get("webhooks/:id/deliveries", .manageWebhooks) { request, context, _ in
            let id: WebhookSubscriptionID = try request.pathID(context, entity: "webhook")
            _ = try await store.webhooks.find(id)
            let deliveries = try await store.webhookDeliveries.deliveries(
                of: id, limit: try ListParameters(request).limit)
            return try JSONResponse.make(["items": deliveries])
        }
        api.post("webhooks/:id/test", .manageWebhooks) { request, context, actor in
            let delivery = try await store.webhooks.ping(try request.pathID(context, entity: "webhook"), by: actor)
            return try JSONResponse.make(["deliveryID": delivery.rawValue], status: .accepted)
        }
    }
}
