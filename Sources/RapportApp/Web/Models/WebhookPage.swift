import Foundation
import RapportCore

/// The model of `/admin/webhooks` (rendered by `webhooks.mustache`). Only stored
/// properties: Mustache reads the model by reflection.
struct WebhookPage {
    let chrome: PageChrome
    let subscriptions: [Row]
    let form: Form
    /// Set only on the answer to the form that created a subscription.
    let secret: Secret?
    let errors: [String]
    let hasErrors: Bool

    init(chrome: PageChrome, subscriptions: [Row], form: Form, secret: Secret?, errors: [String]) {
        self.chrome = chrome
        self.subscriptions = subscriptions
        self.form = form
        self.secret = secret
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    struct Secret {
        let id: String
        let url: String
        let secret: String
    }

    struct Row {
        let id: String
        let url: String
        let description: String
        let events: String
        let active: Bool
        let deliveries: [Delivery]

        init(_ s: WebhookSubscription, deliveries: [WebhookDelivery]) {
            id = s.id.rawValue
            url = s.url
            description = s.description ?? ""
            events = s.events.map(\.rawValue).joined(separator: ", ")
            active = s.active
            self.deliveries = deliveries.map(Delivery.init)
        }
    }

    struct Delivery {
        let id: String
        let event: String
        let status: String
        let attempts: Int
        let lastResult: String
        let at: String

        init(_ d: WebhookDelivery) {
            id = d.id.rawValue
            event = d.eventType.rawValue
            status = d.status.rawValue
            attempts = d.attempts
            let last = d.log.first
            lastResult = last.map { $0.statusCode.map(String.init) ?? ($0.error ?? "") } ?? "not tried yet"
            at = Timestamp.format(last?.attemptedAt ?? d.createdAt).prefix(19).replacingOccurrences(of: "T", with: " ")
        }
    }

    /// The create form as typed, with one checkbox per event type.
    struct Form {
        let url: String
        let description: String
        let events: [String]
        let options: [Option]

        struct Option {
            let name: String
            let checked: Bool
        }

        init(url: String = "", description: String = "", events: [String] = []) {
            self.url = url
            self.description = description
            self.events = events
            options = WebhookEventType.subscribable.map {
                Option(name: $0.rawValue, checked: events.contains($0.rawValue))
            }
        }

        /// Checkboxes are named `event.<type>` (form fields keep only the last of a repeated name).
        init(_ fields: FormFields) {
            self.init(
                url: fields["url"] ?? "", description: fields["description"] ?? "",
                events: WebhookEventType.subscribable.map(\.rawValue).filter { fields["event.\($0)"] != nil })
        }
    }
}
