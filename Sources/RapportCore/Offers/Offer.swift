import Foundation

/// Something that fits the people of one segment (R3.4 segments of one): an offer — a
/// discount, a voucher or a comp, usually with a value — or an action staff should take,
/// such as "call to renew". The 360 page lists the offers and actions whose segment holds
/// the person now.
///
/// An offer targets its segment by key (keys never change). Only contact segments may be
/// targeted: a reporting segment may use analytics-only data and must never select or
/// personalise a contact (R2.8).
public struct Offer: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "ofr"

    /// What the entry asks of whoever sees it.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Something sold or given to the customer, usually with a value.
        case offer
        /// Something staff should do for the customer.
        case action
    }

    public var id: OfferID
    /// A snake_case name for URLs and integrations (`renewal_call`): unique, fixed.
    public var key: String
    public var name: String
    public var description: String?
    public var kind: Kind
    /// The key of the contact segment whose members the offer fits.
    public var segmentKey: String
    /// The channel to make the offer or take the action on, if it matters.
    public var channel: Channel?
    /// What the offer is worth to the customer (a discount, a comp), if it has a value.
    public var value: Money?
    /// Lower first: the order in which fitting offers are shown.
    public var priority: Int
    /// First day the offer may be made, if it starts later than now.
    public var validFrom: LocalDate?
    /// Last day the offer may be made, if it ends.
    public var validTo: LocalDate?
    /// Switched-off offers are kept but fit nobody.
    public var isActive: Bool
    public var createdBy: String
    public var createdAt: Date
    public var updatedBy: String
    public var updatedAt: Date

    public init(
        id: OfferID, key: String, name: String, description: String? = nil, kind: Kind, segmentKey: String,
        channel: Channel? = nil, value: Money? = nil, priority: Int, validFrom: LocalDate? = nil,
        validTo: LocalDate? = nil, isActive: Bool = true, createdBy: String, createdAt: Date,
        updatedBy: String? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.description = description
        self.kind = kind
        self.segmentKey = segmentKey
        self.channel = channel
        self.value = value
        self.priority = priority
        self.validFrom = validFrom
        self.validTo = validTo
        self.isActive = isActive
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedBy = updatedBy ?? createdBy
        self.updatedAt = updatedAt ?? createdAt
    }

    /// True when the offer is switched on and `day` lies inside its validity window (both
    /// ends included).
    public func isAvailable(on day: LocalDate) -> Bool {
        isActive && validFrom.map { $0 <= day } != false && validTo.map { day <= $0 } != false
    }

    /// Checks a proposed key: 1–64 lower-case letters, digits and `_`, starting with a letter
    /// (snake_case, such as `renewal_call`).
    public static func validateKey(_ key: String, into check: inout IssueCollector) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
        guard (1...64).contains(key.count), key.allSatisfy(allowed.contains), key.first?.isLetter == true else {
            check.add(
                .invalid(
                    "key",
                    "key '\(key)' must be snake_case: 1–64 lower-case letters, digits and '_', "
                        + "starting with a letter, such as 'renewal_call'."))
            return
        }
    }
}
