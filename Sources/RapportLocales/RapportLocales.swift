/// RapportLocales: pure reference lists for the countries Rapport knows well — the United States,
/// Poland and Indonesia.
///
/// It owns given names by gender, surnames (with Polish gendered forms), street names and street
/// types, cities with their region and postcode range, phone-number plans and common e-mail
/// domains. It is data only: no I/O, no randomness, no dependency on any other Rapport target.
/// The demo-data generator and the identity engine (address checks, hard test data) read it.

/// A country whose reference data this target ships.
public enum Country: String, Sendable, CaseIterable, Hashable, Codable {
    /// The United States of America.
    case us = "US"
    /// Poland.
    case pl = "PL"
    /// Indonesia.
    case id = "ID"

    /// Recognises an ISO 3166 alpha-2 or alpha-3 code or a common English or native name
    /// (case-insensitive), e.g. `"pl"`, `"POL"`, `"Polska"`, `"United States"`.
    public init?(code: String) {
        switch code.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .lowercased()
        {
        case "us", "usa", "united states", "united states of america", "america": self = .us
        case "pl", "pol", "poland", "polska": self = .pl
        case "id", "idn", "indonesia": self = .id
        default: return nil
        }
    }
}
