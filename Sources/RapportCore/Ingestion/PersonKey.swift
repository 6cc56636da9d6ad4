/// A deterministic matching key (R1.7, strict): two records with the same key are the
/// same person. Values are normalised so that equal keys compare equal as text.
public struct PersonKey: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A customer number, scoped to the touchpoint that issued it: `src_…:12345`.
        case externalID = "external_id"
        /// A loyalty card number, upper-cased, letters and digits only.
        case loyaltyCard = "loyalty_card"
        /// As ``EmailAddress/normalize(_:field:)`` makes it.
        case email
        /// E.164.
        case phone
    }

    public var kind: Kind
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// Strongest first: the order in which keys decide a match when they point at
    /// different people.
    public static let precedence: [Kind] = [.externalID, .loyaltyCard, .email, .phone]

    /// The key's field in an ingested record, for explanations.
    public var field: String {
        switch kind {
        case .externalID: "externalID"
        case .loyaltyCard: "loyaltyCard"
        case .email: "email"
        case .phone: "phone"
        }
    }
}

/// What happened to one ingested record.
public enum IngestionOutcome: String, Codable, Sendable, CaseIterable {
    /// Resolved to a person who already existed.
    case matched
    /// No key matched: a new person was created.
    case created
    /// Unusable as sent: kept in quarantine with the reasons.
    case quarantined
}
