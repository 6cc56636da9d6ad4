import Foundation

/// An offer or action as a client sends it. `segment` is the target segment's key; `value`
/// is a decimal amount in `currency` (`25.00` and `"PLN"`), as purchase amounts are.
public struct OfferDraft: Codable, Sendable, Equatable {
    public var key: String?
    public var name: String?
    public var description: String?
    public var kind: String?
    public var segment: String?
    public var channel: String?
    public var value: Double?
    public var currency: String?
    public var priority: Int?
    public var validFrom: String?
    public var validTo: String?
    public var active: Bool?

    public init(
        key: String? = nil, name: String? = nil, description: String? = nil, kind: String? = nil,
        segment: String? = nil, channel: String? = nil, value: Double? = nil, currency: String? = nil,
        priority: Int? = nil, validFrom: String? = nil, validTo: String? = nil, active: Bool? = nil
    ) {
        self.key = key
        self.name = name
        self.description = description
        self.kind = kind
        self.segment = segment
        self.channel = channel
        self.value = value
        self.currency = currency
        self.priority = priority
        self.validFrom = validFrom
        self.validTo = validTo
        self.active = active
    }

    /// The checked fields, every problem at once. The priority defaults to 100 and an
    /// offer is active unless `active` is false.
    public func validated() throws(DomainError) -> Validated {
        var check = IssueCollector()
        let key = check.text(key, field: "key", required: true, maxLength: 64)
        if let key { Offer.validateKey(key, into: &check) }
        let name = OfferRules.name(name, into: &check)
        let description = OfferRules.description(description, into: &check)
        let kind = OfferRules.kind(kind, into: &check)
        let segment = OfferRules.segment(segment, into: &check)
        let channel = OfferRules.channel(channel, into: &check)
        let value = OfferRules.value(value, currency: currency, into: &check)
        let priority = OfferRules.priority(priority, into: &check)
        let from = OfferRules.day(validFrom, field: "validFrom", into: &check)
        let to = OfferRules.day(validTo, field: "validTo", into: &check)
        OfferRules.window(from: from, to: to, into: &check)
        try check.check()
        return Validated(
            key: key!, name: name!, description: description, kind: kind!, segmentKey: segment!, channel: channel,
            value: value, priority: priority, validFrom: from, validTo: to, isActive: active ?? true)
    }

    /// A draft's fields after checking: an ``Offer`` without its identity and history.
    public struct Validated: Sendable, Equatable {
        public var key: String
        public var name: String
        public var description: String?
        public var kind: Offer.Kind
        public var segmentKey: String
        public var channel: Channel?
        public var value: Money?
        public var priority: Int
        public var validFrom: LocalDate?
        public var validTo: LocalDate?
        public var isActive: Bool
    }
}
