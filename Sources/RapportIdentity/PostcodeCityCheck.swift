import RapportLocales

/// The result of checking a postcode against a city using `RapportLocales` reference data.
public enum PostcodeCityCheck: Sendable, Hashable {
    /// The postcode lies in the city's range.
    case consistent
    /// Neither the postcode nor the city is in the reference data: nothing can be said.
    case unknown
    /// The postcode belongs to another known city; `suggestedCity` is the correction.
    case cityMismatch(suggestedCity: String)
    /// The city is known but the postcode is outside its range and belongs to no known city.
    case postcodeOutsideCity(expected: String)

    /// Checks `postcode` against `city` in `country`. Cities are compared folded, so
    /// `Lodz` and `Łódź` are the same city.
    public static func verify(city: String, postcode: String, country: Country) -> PostcodeCityCheck {
        let catalog = LocaleCatalog.of(country)
        let foldedCity = NameFolding.fold(city)
        let known = catalog.cities.filter { NameFolding.fold($0.name) == foldedCity }
        guard let code = Postcode.numericPrefix(postcode) else { return .unknown }
        if known.contains(where: { $0.contains(postcode: code) }) { return .consistent }
        if let owner = catalog.cities(forPostcode: code).first {
            return .cityMismatch(suggestedCity: owner.name)
        }
        guard let city = known.first else { return .unknown }
        let low = catalog.formatPostcode(city.postcodes.lowerBound)
        let high = catalog.formatPostcode(city.postcodes.upperBound)
        return .postcodeOutsideCity(expected: "\(low)…\(high)")
    }
}
