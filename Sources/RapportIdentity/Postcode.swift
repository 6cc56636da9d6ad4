import RapportLocales

/// Postcode formats: US ZIP `12345` or ZIP+4 `12345-6789`, Poland `NN-NNN`, Indonesia `NNNNN`.
public enum Postcode {
    /// The postcode in the country's canonical format. Without a country the value is only
    /// trimmed and upper-cased (foreign formats are kept as received).
    public static func normalise(_ raw: String, country: Country?) throws(NormalisationError)
        -> String
    {
        let trimmed = raw.trimmedWhitespace
        func fail(_ reason: NormalisationError.Reason) -> NormalisationError {
            NormalisationError(field: .postcode, value: raw, reason: reason)
        }
        guard !trimmed.isEmpty else { throw fail(.empty) }
        guard let country else { return trimmed.uppercased() }
        let digits = trimmed.filter { $0.isASCII && $0.isNumber }
        let others = trimmed.filter { !($0.isASCII && $0.isNumber) && $0 != "-" && $0 != " " }
        guard others.isEmpty else { throw fail(.invalidCharacters) }
        switch country {
        case .us:
            if digits.count == 5 { return digits }
            if digits.count == 9 { return digits.prefix(5) + "-" + digits.suffix(4) }
            throw fail(.invalidFormat(expected: "NNNNN or NNNNN-NNNN"))
        case .pl:
            guard digits.count == 5 else { throw fail(.invalidFormat(expected: "NN-NNN")) }
            return digits.prefix(2) + "-" + digits.suffix(3)
        case .id:
            guard digits.count == 5 else { throw fail(.invalidFormat(expected: "NNNNN")) }
            return digits
        }
    }

    /// The first five digits as an integer, the form `CityEntry.postcodes` ranges use.
    static func numericPrefix(_ postcode: String) -> Int? {
        let digits = postcode.filter { $0.isASCII && $0.isNumber }
        guard digits.count >= 5 else { return nil }
        return Int(digits.prefix(5))
    }
}
