/// How the golden value of one attribute is chosen when sources disagree (R1.3).
///
/// Every rule ends in the same deterministic tie-breaks, so the result never depends on the
/// order observations arrive in (see ``Survivorship`` for the full order of each rule).
public enum SurvivorshipRule: String, Codable, Sendable, CaseIterable {
    /// The most trusted source wins (lowest trust rank).
    case trustedSource = "trusted_source"
    /// The value most sources agree on wins, compared in normalised form.
    case majority
    /// The most recently observed value wins.
    case mostRecent = "most_recent"
    /// The value with the most letters and digits wins ("ul. Długa 5 m. 3" over "Długa 5").
    case mostComplete = "most_complete"

    /// The name shown to administrators.
    public var label: String {
        switch self {
        case .trustedSource: "Trusted source"
        case .majority: "Majority"
        case .mostRecent: "Most recent"
        case .mostComplete: "Most complete"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let rule = SurvivorshipRule(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a survivorship rule; use one of: "
                    + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = rule
    }
}

/// How two values are compared to decide whether sources agree (for ``SurvivorshipRule/majority``,
/// and to tell agreeing runners-up from rivals in explanations). The value shown always keeps
/// its original form.
public enum ValueComparison: String, Codable, Sendable, CaseIterable {
    /// Case, diacritics and runs of whitespace ignored (``SearchText/fold(_:)``):
    /// "ŁUKASZ  Żółć" agrees with "lukasz zolc".
    case folded
    /// As `folded`, and everything but letters and digits ignored too: "31-123" agrees with
    /// "31123", "+48 601 234 567" with "+48601234567".
    case alphanumeric
    /// Byte for byte.
    case exact

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let comparison = ValueComparison(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a value comparison; use one of: "
                    + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = comparison
    }
}
