import RapportLocales

/// Converts telephone numbers to E.164 (`+48221234567`) for the US, Poland and Indonesia.
///
/// Accepts international forms (`+48 …`, `0048 …`, `+1 (212) 555-0100`) for any country
/// and national forms for the country given as hint: US `(212) 555-0100` or `1-212-555-0100`,
/// PL `22 123 45 67` or `0 22 123 45 67`, ID `0812-3456-7890` (trunk `0`). Spaces, dashes, dots,
/// slashes and brackets are ignored.
public enum PhoneNumber {
    /// The E.164 form of `raw`, interpreting a national number in `country`.
    public static func e164(_ raw: String, country: Country?) throws(NormalisationError) -> String {
        func fail(_ reason: NormalisationError.Reason) -> NormalisationError {
            NormalisationError(field: .phone, value: raw, reason: reason)
        }
        var digits = ""
        var international = false
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case "+" where digits.isEmpty && !international: international = true
            case " ", "-", ".", "(", ")", "/", "\t": continue
            default: throw fail(.invalidCharacters)
            }
        }
        guard !digits.isEmpty else { throw fail(.empty) }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        if international { return try internationalForm(digits, fail: fail) }
        guard let country else { throw fail(.unknownCountry) }
        return try nationalForm(digits, country: country, fail: fail)
    }

    private static func internationalForm(
        _ digits: String, fail: (NormalisationError.Reason) -> NormalisationError
    ) throws(NormalisationError) -> String {
        for country in Country.allCases {
            let code = LocaleCatalog.of(country).phonePlan.callingCode
            if digits.hasPrefix(code) {
                return try nationalForm(String(digits.dropFirst(code.count)), country: country, fail: fail)
            }
        }
        guard digits.count >= 8 else { throw fail(.tooShort(minimum: 8)) }
        guard digits.count <= 15 else { throw fail(.tooLong(maximum: 15)) }
        return "+" + digits
    }

    private static func nationalForm(
        _ raw: String, country: Country, fail: (NormalisationError.Reason) -> NormalisationError
    ) throws(NormalisationError) -> String {
        let plan = LocaleCatalog.of(country).phonePlan
        var digits = raw
        switch country {
        case .us:
            if digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
            let bytes = Array(digits.utf8)
            if bytes.count == 10, bytes[0] < UInt8(ascii: "2") || bytes[3] < UInt8(ascii: "2") {
                throw fail(.invalidFormat(expected: "NPA-NXX-XXXX with NPA and NXX starting 2–9"))
            }
        case .pl:
            if digits.count == 10, digits.hasPrefix("0") { digits.removeFirst() }
        case .id:
            if let trunk = plan.trunkPrefix, digits.hasPrefix(trunk) { digits.removeFirst(trunk.count) }
            if digits.hasPrefix("62"), digits.count > plan.nationalLengths.upperBound {
                digits.removeFirst(2)
            }
        }
        guard digits.count >= plan.nationalLengths.lowerBound else {
            throw fail(.tooShort(minimum: plan.nationalLengths.lowerBound))
        }
        guard digits.count <= plan.nationalLengths.upperBound else {
            throw fail(.tooLong(maximum: plan.nationalLengths.upperBound))
        }
        return "+" + plan.callingCode + digits
    }
}
