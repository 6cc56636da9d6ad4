import Foundation

/// What a client sends to record a purchase or a return. Amounts are decimals in the
/// purchase currency (`19.99`); the totals are computed from the lines.
public struct PurchaseDraft: Codable, Sendable, Equatable {
    public var personID: String?
    public var organisationID: String?
    public var kind: String?
    public var channel: String?
    public var occurredAt: String?
    public var currency: String?
    public var reference: String?
    public var lines: [LineDraft]?

    public struct LineDraft: Codable, Sendable, Equatable {
        public var product: String?
        public var brand: String?
        public var quantity: Int?
        public var amount: Double?
        public var margin: Double?

        public init(product: String? = nil, brand: String? = nil, quantity: Int? = nil, amount: Double? = nil, margin: Double? = nil) {
            self.product = product
            self.brand = brand
            self.quantity = quantity
            self.amount = amount
            self.margin = margin
        }
    }

    public init(
        personID: String? = nil, organisationID: String? = nil, kind: String? = nil, channel: String? = nil,
        occurredAt: String? = nil, currency: String? = nil, reference: String? = nil, lines: [LineDraft]? = nil
    ) {
        self.personID = personID
        self.organisationID = organisationID
        self.kind = kind
        self.channel = channel
        self.occurredAt = occurredAt
        self.currency = currency
        self.reference = reference
        self.lines = lines
    }

    public func validated(id: PurchaseID, now: Date) throws(DomainError) -> Purchase {
        var check = IssueCollector()
        let person: PersonID? = PersonRules.identifier(personID, field: "personID", into: &check)
        let organisation: OrganisationID? = PersonRules.identifier(organisationID, field: "organisationID", into: &check)
        if (personID ?? "").isEmpty && (organisationID ?? "").isEmpty {
            check.add(FieldIssue(field: "personID", code: "required", message: "personID or organisationID is required."))
        }
        let kind = DateRules.enumValue(kind, PurchaseKind.self, field: "kind", required: false, into: &check) ?? .purchase
        let channel = DateRules.enumValue(channel, Channel.self, field: "channel", required: false, into: &check)
        let occurred = DateRules.instant(occurredAt, field: "occurredAt", required: false, into: &check) ?? now
        let currency = (currency ?? "").uppercased()
        if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
            check.add(.invalid("currency", "currency '\(self.currency ?? "")' must be a three-letter ISO 4217 code such as USD, PLN or IDR."))
        }
        let lines = validatedLines(currency: currency, into: &check)
        try check.check()
        let total = lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let margin = lines.reduce(Int64(0)) { $0 + $1.margin.minorUnits }
        return Purchase(
            id: id, personID: person, organisationID: organisation, kind: kind, channel: channel, occurredAt: occurred,
            total: Money(minorUnits: total, currency: currency), margin: Money(minorUnits: margin, currency: currency),
            reference: check.text(reference, field: "reference", maxLength: 64), lines: lines)
    }

    private func validatedLines(currency: String, into check: inout IssueCollector) -> [PurchaseLine] {
        guard let lines, !lines.isEmpty else {
            check.add(FieldIssue(field: "lines", code: "required", message: "lines must list at least one product."))
            return []
        }
        if lines.count > 1000 { check.add(.outOfRange("lines", "lines may hold at most 1000 products.")) }
        return lines.enumerated().compactMap { index, line in
            let field = "lines[\(index)]"
            let product = check.text(line.product, field: "\(field).product", required: true)
            let brand = check.text(line.brand, field: "\(field).brand", maxLength: 100)
            let quantity = line.quantity ?? 1
            if quantity < 1 || quantity > 1_000_000 {
                check.add(.outOfRange("\(field).quantity", "\(field).quantity must be between 1 and 1000000."))
            }
            guard let amount = line.amount else {
                check.add(.required("\(field).amount"))
                return nil
            }
            if !amount.isFinite || amount < 0 || amount > 1e12 {
                check.add(.outOfRange("\(field).amount", "\(field).amount must be zero or positive; record refunds as kind 'return'."))
            }
            let margin = line.margin ?? 0
            if !margin.isFinite || abs(margin) > abs(amount) + 0.005 {
                check.add(.outOfRange("\(field).margin", "\(field).margin must not exceed the amount."))
            }
            guard let product else { return nil }
            return PurchaseLine(
                product: product, brand: brand, quantity: quantity, amount: Money(amount, currency: currency),
                margin: Money(margin, currency: currency))
        }
    }
}
