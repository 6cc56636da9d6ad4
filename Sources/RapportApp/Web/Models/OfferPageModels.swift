import Foundation
import RapportCore
import RapportStore

/// `/offers`: every offer and action, and the form that creates one.
struct OfferListPage {
    let chrome: PageChrome
    let offers: [Row]
    let canManage: Bool
    let form: Form
    let kinds: [Choice]
    let segments: [Choice]
    let channels: [Choice]
    let problems: [FieldIssue]

    struct Row {
        let key: String
        let name: String
        let kind: String
        let segment: String
        let channel: String
        let value: String
        let priority: Int
        let window: String
        let active: Bool
    }

    struct Choice {
        let value: String
        let label: String
        let selected: Bool
    }

    /// What the form holds, as typed.
    struct Form {
        var key = "", name = "", description = "", kind = "offer", segment = "", channel = ""
        var value = "", currency = "", priority = "", validFrom = "", validTo = ""
        var active = true

        init() {}

        init(_ fields: FormFields) {
            key = fields["key"] ?? ""
            name = fields["name"] ?? ""
            description = fields["description"] ?? ""
            kind = fields["kind"] ?? ""
            segment = fields["segment"] ?? ""
            channel = fields["channel"] ?? ""
            value = (fields["value"] ?? "").trimmingSpaces()
            currency = fields["currency"] ?? ""
            priority = (fields["priority"] ?? "").trimmingSpaces()
            validFrom = fields["validFrom"] ?? ""
            validTo = fields["validTo"] ?? ""
            active = fields["active"] != nil
        }

        /// The form as an API draft. Text that is not a number becomes a value the draft's
        /// checks refuse (NaN, `Int.min`), so the problem is named on its field like any other.
        var draft: OfferDraft {
            OfferDraft(
                key: key, name: name, description: description, kind: kind, segment: segment, channel: channel,
                value: value.isEmpty ? nil : Double(value) ?? .nan, currency: currency,
                priority: priority.isEmpty ? nil : Int(priority) ?? .min, validFrom: validFrom, validTo: validTo,
                active: active)
        }
    }

    /// Only contact segments are offered as targets: reporting ones may not personalise a contact.
    init(offers: [Offer], segments: [Segment], form: Form, problems: [FieldIssue], context: AppRequestContext) {
        chrome = PageChrome(title: "Offers and actions", active: "/offers", context: context)
        self.offers = offers.map {
            Row(
                key: $0.key, name: $0.name, kind: $0.kind.rawValue, segment: $0.segmentKey,
                channel: $0.channel.map(ChannelLabel.of) ?? "", value: $0.value?.formatted ?? "",
                priority: $0.priority, window: CustomerPageModel.period($0.validFrom, $0.validTo),
                active: $0.isActive)
        }
        canManage = context.identity?.role.permissions.contains(.manageSegments) ?? false
        self.form = form
        kinds = Offer.Kind.allCases.map {
            Choice(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == form.kind)
        }
        self.segments = segments.filter { $0.purpose == .contact }.map {
            Choice(value: $0.key, label: "\($0.name) (\($0.key))", selected: $0.key == form.segment)
        }
        channels = Channel.allCases.map {
            Choice(value: $0.rawValue, label: ChannelLabel.of($0), selected: $0.rawValue == form.channel)
        }
        self.problems = problems
    }
}
