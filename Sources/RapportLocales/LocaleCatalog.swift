/// The reference lists of one country: names, streets, cities, phone plan and e-mail domains.
///
/// Obtain one with `LocaleCatalog.of(_:)`. All lists hold display forms with their diacritics.
public struct LocaleCatalog: Sendable {
    /// The country these lists describe.
    public let country: Country
    /// Common male given names.
    public let maleGivenNames: [String]
    /// Common female given names.
    public let femaleGivenNames: [String]
    /// Surnames in their base (masculine, for Polish) form. Use `surname(_:female:)` for a woman.
    public let surnames: [String]
    /// Street names without their type, e.g. `"Maple"`, `"Marszałkowska"`, `"Sudirman"`.
    public let streets: [String]
    /// Street types in full form, most common first: `"Street"`, `"ulica"`, `"Jalan"`.
    public let streetTypes: [String]
    /// Cities with region and postcode range.
    public let cities: [CityEntry]
    /// The telephone numbering plan.
    public let phonePlan: PhonePlan
    /// E-mail domains common in the country, most common first.
    public let emailDomains: [String]
    /// Share of people known by a single name (common in Indonesia, zero elsewhere).
    public let singleNameShare: Double

    /// The catalog of `country`.
    public static func of(_ country: Country) -> LocaleCatalog {
        switch country {
        case .us: return .unitedStates
        case .pl: return .poland
        case .id: return .indonesia
        }
    }

    /// The surname as a person of the given gender carries it.
    ///
    /// Polish adjectival surnames change their ending for women: Kowalski → Kowalska,
    /// Nowicki → Nowicka, Zawadzki → Zawadzka, Czerny → Czerna. Other surnames (Nowak, Wójcik)
    /// and all US and Indonesian surnames are the same for everyone.
    public func surname(_ base: String, female: Bool) -> String {
        guard female, country == .pl else { return base }
        for (masculine, feminine) in [("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"), ("ny", "na")]
        where base.hasSuffix(masculine) {
            return String(base.dropLast(masculine.count)) + feminine
        }
        return base
    }

    /// Renders an integer postcode in the country's format: US `"02134"`, PL `"02-134"`, ID `"10110"`.
    public func formatPostcode(_ value: Int) -> String {
        let digits = String(value)
        let padded = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        guard country == .pl else { return padded }
        return String(padded.prefix(2)) + "-" + String(padded.suffix(3))
    }

    /// The cities whose postcode range contains `postcode`.
    public func cities(forPostcode postcode: Int) -> [CityEntry] {
        cities.filter { $0.contains(postcode: postcode) }
    }
}
