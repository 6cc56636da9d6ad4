import Foundation

/// A sale or a return, by a person or an organisation, with its lines (R4.1).
///
/// Returns are purchases of kind `.return` with positive quantities and amounts; value
/// calculations subtract them. Totals are kept on the header for fast reads and are
/// always the sum of the lines (checked by ``PurchaseDraft``).
public struct Purchase: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "pur"

    public var id: PurchaseID
    public var personID: PersonID?
    public var organisationID: OrganisationID?
    public var kind: PurchaseKind
    public var channel: Channel?
    public var occurredAt: Date
    public var total: Money
    public var margin: Money
    /// The order, receipt or return number in the source system.
    public var reference: String?
    public var sourceID: SourceID?
    public var lines: [PurchaseLine]

    public init(
        id: PurchaseID, personID: PersonID?, organisationID: OrganisationID? = nil, kind: PurchaseKind,
        channel: Channel? = nil, occurredAt: Date, total: Money, margin: Money, reference: String? = nil,
        sourceID: SourceID? = nil, lines: [PurchaseLine]
    ) {
        self.id = id
        self.personID = personID
        self.organisationID = organisationID
        self.kind = kind
        self.channel = channel
        self.occurredAt = occurredAt
        self.total = total
        self.margin = margin
        self.reference = reference
        self.sourceID = sourceID
        self.lines = lines
    }
}

public enum PurchaseKind: String, Codable, Sendable, CaseIterable {
    case purchase, `return`
}

/// One product on a purchase: quantity × unit price = amount; margin is the contribution.
public struct PurchaseLine: Hashable, Codable, Sendable {
    public var product: String
    public var brand: String?
    public var quantity: Int
    public var amount: Money
    public var margin: Money

    public init(product: String, brand: String? = nil, quantity: Int, amount: Money, margin: Money) {
        self.product = product
        self.brand = brand
        self.quantity = quantity
        self.amount = amount
        self.margin = margin
    }
}
