import Foundation
import RapportCore
import RapportStore

/// The customer 360 page: a ``CustomerView`` flattened into what the template shows.
struct CustomerPageModel {
    let chrome: PageChrome
    let id: String
    let name: String
    let facts: [Fact]
    let contactPoints: [ContactRow]
    let pastContactPoints: [ContactRow]
    let householdName: String?
    let householdID: String?
    let householdMembers: [PersonLink]
    /// Why the person is in the household (R1.8): one row per link.
    let householdLinks: [HouseholdLinkRow]
    let memberships: [MembershipRow]
    let value: [Fact]
    let predicted: [Fact]
    let purchases: [PurchaseRow]
    let interactions: [InteractionRow]
    let channelChart: String?
    let attributes: [AttributeRow]
    /// "Suppressed: deceased" while the person may not be contacted (``ContactGate``).
    let suppressed: String?
    /// The suppressions panel (R1.10), set after the view is built: it depends on the role.
    var suppressionPanel: SuppressionPanel?
    let segments: [SegmentRow]
    let offers: [OfferRow]
    /// Lifetime value as NPV (R4.2), set after the view is built: it depends on the segments.
    var lifetime: PersonLifetime?
    /// The household's historic value per currency (R4.1).
    var householdValue: [ValueViews.HistoricRow] = []
    /// Merge history and forms (R1.7), for users with `identity:resolve`.
    var merges: MergesPanel?
    /// Where each profile value comes from (R1.3); nil until survivorship has run for them.
    var golden: GoldenSection?

    struct PersonLifetime {
        let basis: String
        let estimate: ValueViews.Lifetime?
        let problem: String?

        init(_ value: LifetimeValues.PersonValue) {
            basis = value.basis
            estimate = value.lifetimeValue.map { ValueViews.Lifetime($0, currency: value.currency) }
            problem = value.problem
        }
    }

    struct Fact { let label: String; let value: String }
    struct ContactRow {
        let kind: String; let value: String; let label: String; let period: String; let primary: Bool
        /// Why the point may not be used ("undeliverable"), nil when it may.
        var stopped: String? = nil
    }
    struct PersonLink { let id: String; let name: String }
    struct HouseholdLinkRow { let id: String; let name: String; let reason: String }
    /// A custom attribute with where an appended value came from (R1.9).
    struct AttributeRow { let label: String; let value: String; let provenance: String? }
    struct MembershipRow { let organisationID: String; let organisation: String; let role: String; let period: String }
    struct PurchaseRow { let date: String; let kind: String; let isReturn: Bool; let reference: String; let total: String; let margin: String; let items: String; let channel: String }
    struct SegmentRow { let key: String; let name: String; let purpose: String; let frozen: Bool }
    struct OfferRow { let name: String; let kind: String; let isAction: Bool; let value: String?; let channel: String?; let segmentKey: String; let segmentName: String }
    struct InteractionRow { let date: String; let channel: String; let direction: String; let staff: String; let outcome: String; let subject: String }

    init(view: CustomerView, segments: [SegmentMembership], offers: [PersonOffer], context: AppRequestContext) {
        let p = view.person
        chrome = PageChrome(title: p.displayName, active: "/customers", context: context)
        id = p.id.rawValue
        name = p.displayName
        var facts = [Fact(label: "Person ID", value: p.id.rawValue)]
        if let birth = p.birthDate {
            facts.append(Fact(label: "Born", value: "\(birth) (age \(birth.years(until: LocalDate(Date()))))"))
        }
        if let gender = p.gender { facts.append(Fact(label: "Gender", value: gender.rawValue)) }
        if let language = p.language { facts.append(Fact(label: "Language", value: language)) }
        if let country = p.country { facts.append(Fact(label: "Country", value: country)) }
        facts.append(Fact(label: "Customer since", value: LocalDate(p.createdAt).description))
        self.facts = facts
        let today = LocalDate(Date())
        suppressed = Self.suppressionBadge(p.status, view.suppressions, on: today)
        let stops = Dictionary(
            view.suppressions.filter { $0.isCurrent(on: today) }.compactMap { s in s.contactPointID.map { ($0, s.reason.label) } },
            uniquingKeysWith: { a, _ in a })
        let rows = view.contactPoints.map { c in
            (c.isCurrent(on: today), ContactRow(
                kind: c.kind.rawValue, value: c.value, label: c.label ?? "", period: Self.period(c.validFrom, c.validTo),
                primary: c.isPrimary && stops[c.id] == nil, stopped: stops[c.id]))
        }
        contactPoints = rows.filter(\.0).map(\.1)
        pastContactPoints = rows.filter { !$0.0 }.map(\.1)
        householdName = view.household?.name
        householdID = view.household?.id.rawValue
        householdMembers = view.householdMembers.map { PersonLink(id: $0.id.rawValue, name: $0.displayName) }
        householdLinks = view.householdLinks.map { HouseholdLinkRow(id: $0.personID.rawValue, name: $0.name, reason: $0.reason) }
        memberships = view.memberships.map {
            MembershipRow(organisationID: $0.organisation.id.rawValue, organisation: $0.organisation.name, role: $0.role, period: Self.period($0.since, $0.until))
        }
        var value = [
            Fact(label: "Purchases", value: String(view.value.purchases)), Fact(label: "Returns", value: String(view.value.returns)),
        ]
        value += view.value.revenue.map { Fact(label: "Net revenue", value: $0.formatted) }
        value += view.value.margin.map { Fact(label: "Contribution margin", value: $0.formatted) }
        if let first = view.value.firstPurchase { value.append(Fact(label: "First purchase", value: LocalDate(first).description)) }
        if let last = view.value.lastPurchase { value.append(Fact(label: "Last purchase", value: LocalDate(last).description)) }
        self.value = value
        predicted = view.predictedValue.flatMap { v in
            [
                Fact(label: "Still active (P alive)", value: String(format: "%.0f %%", v.probabilityAlive * 100)),
                Fact(label: "Expected purchases, \(Int(v.horizonWeeks)) weeks", value: String(format: "%.1f", v.expectedPurchases)),
                Fact(label: "\(v.months)-month CLV", value: v.lifetimeValue?.formatted ?? "— (no spend model for \(v.currency) yet)"),
            ]
        }
        purchases = view.purchases.map { p in
            PurchaseRow(
                date: LocalDate(p.occurredAt).description, kind: p.kind.rawValue, isReturn: p.kind == .return, reference: p.reference ?? "",
                total: p.total.formatted, margin: p.margin.formatted,
                items: p.lines.map { "\($0.quantity) × \($0.product)" + ($0.brand.map { " (\($0))" } ?? "") }.joined(separator: ", "),
                channel: p.channel.map(ChannelLabel.of) ?? "")
        }
        interactions = view.interactions.map { i in
            InteractionRow(
                date: Timestamp.format(i.occurredAt).prefix(16).replacingOccurrences(of: "T", with: " "), channel: ChannelLabel.of(i.channel),
                direction: i.direction.rawValue, staff: i.staffName ?? "", outcome: i.outcome.rawValue.replacingOccurrences(of: "_", with: " "),
                subject: i.subject ?? "")
        }
        channelChart =
            view.channelMix.isEmpty
            ? nil : BarChart(title: "Interactions by channel", bars: view.channelMix.map { .init(label: ChannelLabel.of($0.channel), value: Double($0.count)) }, width: 420).svg
        attributes = view.attributes.map { AttributeRow(label: $0.label, value: $0.value, provenance: $0.provenance) }
        self.segments = segments.map { SegmentRow(key: $0.key, name: $0.name, purpose: $0.purpose.rawValue, frozen: $0.kind == .frozen) }
        self.offers = offers.map {
            OfferRow(
                name: $0.offer.name, kind: $0.offer.kind.rawValue, isAction: $0.offer.kind == .action,
                value: $0.offer.value?.formatted, channel: $0.offer.channel.map(ChannelLabel.of),
                segmentKey: $0.segment.key, segmentName: $0.segment.name)
        }
    }

    static func period(_ from: LocalDate?, _ to: LocalDate?) -> String {
        switch (from, to) {
        case (nil, nil): ""
        case (let from?, nil): "since \(from)"
        case (nil, let to?): "until \(to)"
        case (let from?, let to?): "\(from) – \(to)"
        }
    }
}
