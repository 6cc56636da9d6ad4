import Foundation

/// A change to an offer (JSON merge patch): any field but the key, which never changes.
/// `value` and `currency` change together; clearing `value` drops the currency with it.
public struct OfferPatch: Decodable, Sendable, Equatable {
    public var name: PatchField<String> = .keep
    public var description: PatchField<String> = .keep
    public var kind: PatchField<String> = .keep
    public var segment: PatchField<String> = .keep
    public var channel: PatchField<String> = .keep
    public var value: PatchField<Double> = .keep
    public var currency: PatchField<String> = .keep
    public var priority: PatchField<Int> = .keep
    public var validFrom: PatchField<String> = .keep
    public var validTo: PatchField<String> = .keep
    public var active: PatchField<Bool> = .keep

    public init() {}

    enum CodingKeys: String, CodingKey {
        case name, description, kind, segment, channel, value, currency, priority, validFrom, validTo, active
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.patchField(String.self, forKey: .name)
        description = try c.patchField(String.self, forKey: .description)
        kind = try c.patchField(String.self, forKey: .kind)
        segment = try c.patchField(String.self, forKey: .segment)
        channel = try c.patchField(String.self, forKey: .channel)
        value = try c.patchField(Double.self, forKey: .value)
        currency = try c.patchField(String.self, forKey: .currency)
        priority = try c.patchField(Int.self, forKey: .priority)
        validFrom = try c.patchField(String.self, forKey: .validFrom)
        validTo = try c.patchField(String.self, forKey: .validTo)
        active = try c.patchField(Bool.self, forKey: .active)
    }

    /// The offer with the patch applied, checked field by field against the rules of a new one.
    public func applied(to offer: Offer) throws(DomainError) -> Offer {
        var check = IssueCollector()
        var result = offer
        if name != .keep { result.name = OfferRules.name(name.applied(to: nil), into: &check) ?? offer.name }
        if description != .keep {
            result.description = OfferRules.description(description.applied(to: nil), into: &check)
        }
        if kind != .keep { result.kind = OfferRules.kind(kind.applied(to: nil), into: &check) ?? offer.kind }
        if segment != .keep {
            result.segmentKey = OfferRules.segment(segment.applied(to: nil), into: &check) ?? offer.segmentKey
        }
        if channel != .keep { result.channel = OfferRules.channel(channel.applied(to: nil), into: &check) }
        if value != .keep || currency != .keep {
            let amount = value.applied(to: offer.value?.decimal)
            let code = value == .clear && currency == .keep ? nil : currency.applied(to: offer.value?.currency)
            result.value = OfferRules.value(amount, currency: code, into: &check)
        }
        switch priority {
        case .keep: break
        case .clear: check.add(.required("priority"))
        case .set(let number): result.priority = OfferRules.priority(number, into: &check)
        }
        if validFrom != .keep {
            result.validFrom = OfferRules.day(validFrom.applied(to: nil), field: "validFrom", into: &check)
        }
        if validTo != .keep {
            result.validTo = OfferRules.day(validTo.applied(to: nil), field: "validTo", into: &check)
        }
        OfferRules.window(from: result.validFrom, to: result.validTo, into: &check)
        switch active {
        case .keep: break
        case .clear: check.add(.required("active"))
        case .set(let flag): result.isActive = flag
        }
        try check.check()
        return result
    }

    /// The names of the fields this patch touches, for the audit trail.
    public var fields: [String] {
        [
            ("name", name != .keep), ("description", description != .keep), ("kind", kind != .keep),
            ("segment", segment != .keep), ("channel", channel != .keep), ("value", value != .keep),
            ("currency", currency != .keep), ("priority", priority != .keep), ("validFrom", validFrom != .keep),
            ("validTo", validTo != .keep), ("active", active != .keep),
        ].filter(\.1).map(\.0)
    }
}
