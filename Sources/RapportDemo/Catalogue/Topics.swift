import Foundation
import RapportCore

/// What customers and staff talk about, by direction, with the outcomes each topic tends to
/// have. `{product}` is replaced by a product the person bought (or might buy).
struct Topic: Sendable {
    private let head: String
    private let tail: String?
    let outcomes: Weighted<InteractionOutcome>

    init(subject: String, outcomes: [(InteractionOutcome, Int)]) {
        let parts = subject.components(separatedBy: "{product}")
        head = parts[0]
        tail = parts.count > 1 ? parts[1] : nil
        self.outcomes = Weighted(outcomes)
    }

    /// The subject line with the product filled in.
    func subject(product: String) -> String {
        guard let tail else { return head }
        return head + product + tail
    }
}

enum Topics {
    static let inbound = Weighted<Topic>([
        (
            Topic(
                subject: "Order status", outcomes: [(.information, 70), (.resolved, 25), (.followUp, 5)]),
            22
        ),
        (
            Topic(
                subject: "Warranty claim: {product}",
                outcomes: [(.followUp, 40), (.resolved, 35), (.escalated, 15), (.complaint, 10)]), 10
        ),
        (
            Topic(
                subject: "Question about {product}",
                outcomes: [(.information, 60), (.sale, 25), (.followUp, 15)]), 14
        ),
        (
            Topic(
                subject: "Delivery date for {product}",
                outcomes: [(.information, 75), (.followUp, 20), (.complaint, 5)]), 10
        ),
        (
            Topic(
                subject: "Return of {product}",
                outcomes: [(.resolved, 70), (.followUp, 20), (.complaint, 10)]), 7
        ),
        (Topic(subject: "Copy of invoice", outcomes: [(.resolved, 95), (.followUp, 5)]), 6),
        (Topic(subject: "Change of address", outcomes: [(.resolved, 100)]), 4),
        (
            Topic(
                subject: "Complaint about delivery",
                outcomes: [(.complaint, 55), (.escalated, 25), (.resolved, 20)]), 5
        ),
        (
            Topic(
                subject: "Spare parts for {product}",
                outcomes: [(.sale, 55), (.information, 35), (.followUp, 10)]), 6
        ),
        (
            Topic(
                subject: "Service appointment for {product}", outcomes: [(.resolved, 60), (.followUp, 40)]),
            5
        ),
        (Topic(subject: "Loyalty points balance", outcomes: [(.information, 100)]), 5),
        (Topic(subject: "Opening hours and store stock", outcomes: [(.information, 100)]), 6),
    ])

    static let outbound = Weighted<Topic>([
        (
            Topic(
                subject: "Thank-you call after buying {product}",
                outcomes: [(.resolved, 50), (.noAnswer, 35), (.sale, 15)]), 18
        ),
        (
            Topic(
                subject: "Reminder: filter and accessory replacement",
                outcomes: [(.sale, 25), (.noAnswer, 40), (.information, 35)]), 12
        ),
        (
            Topic(
                subject: "Follow-up on quote", outcomes: [(.sale, 35), (.followUp, 30), (.noAnswer, 35)]),
            14
        ),
        (Topic(subject: "Satisfaction survey", outcomes: [(.resolved, 55), (.noAnswer, 45)]), 14),
        (
            Topic(
                subject: "Callback: {product}",
                outcomes: [(.resolved, 60), (.followUp, 20), (.noAnswer, 20)]), 16
        ),
        (
            Topic(
                subject: "Seasonal offer", outcomes: [(.sale, 20), (.noAnswer, 50), (.information, 30)]), 14
        ),
        (
            Topic(
                subject: "Payment reminder", outcomes: [(.resolved, 60), (.followUp, 30), (.complaint, 10)]),
            5
        ),
        (
            Topic(
                subject: "Delivery confirmation for {product}",
                outcomes: [(.information, 80), (.noAnswer, 20)]), 7
        ),
    ])
}
