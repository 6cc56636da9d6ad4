/// Country-aware clean-up of postal addresses before they are stored (R1.5): casing,
/// the usual abbreviations and postcode formats for the US, Poland and Indonesia.
///
/// Matching keys fold diacritics (Łódź → lodz); the stored display form keeps them.
public enum AddressStandardizer {
    /// Returns the cleaned address, or the issues naming each bad part under `field`.
    public static func standardize(_ address: PostalAddress, field: String = "address") -> Result<PostalAddress, DomainError> {
        var issues: [FieldIssue] = []
        var result = address
        result.country = address.country.uppercased()
        result.line1 = abbreviate(titleCase(collapse(address.line1)), country: result.country)
        result.line2 = address.line2.map { abbreviate(titleCase(collapse($0)), country: result.country) }
        result.city = titleCase(collapse(address.city))
        result.region = address.region.map { collapse($0) }
        if result.line1.isEmpty { issues.append(.required("\(field).line1")) }
        if result.city.isEmpty { issues.append(.required("\(field).city")) }
        if let postcode = address.postcode {
            switch formatPostcode(postcode, country: result.country) {
            case .some(let formatted): result.postcode = formatted
            case .none: issues.append(.invalid("\(field).postcode", postcodeRule(postcode, country: result.country)))
            }
        }
        if result.country == "US", let region = result.region { result.region = region.uppercased() }
        return issues.isEmpty ? .success(result) : .failure(.invalid(issues))
    }

    /// The matching key of an address: folded, lower-case, single-spaced.
    public static func matchKey(_ address: PostalAddress) -> String {
        SearchText.fold([address.line1, address.line2 ?? "", address.postcode ?? "", address.city, address.country].joined(separator: " "))
    }

    static func formatPostcode(_ text: String, country: String) -> String? {
        let digits = text.filter(\.isNumber)
        let clean = text.trimmingSpaces()
        switch country {
        case "US":
            if digits.count == 5, clean.count == 5 { return digits }
            if digits.count == 9 { return String(digits.prefix(5)) + "-" + String(digits.suffix(4)) }
            return nil
        case "PL":
            guard digits.count == 5, clean.count <= 6 else { return nil }
            return String(digits.prefix(2)) + "-" + String(digits.suffix(3))
        case "ID":
            return digits.count == 5 && clean.count == 5 ? digits : nil
        default:
            return clean.isEmpty || clean.count > 12 ? nil : clean.uppercased()
        }
    }

    private static func postcodeRule(_ text: String, country: String) -> String {
        switch country {
        case "US": "postcode '\(text)' must be a US ZIP code: 5 digits or ZIP+4 (12345-6789)."
        case "PL": "postcode '\(text)' must be a Polish postcode: NN-NNN."
        case "ID": "postcode '\(text)' must be an Indonesian postcode: 5 digits."
        default: "postcode '\(text)' is not a postcode (at most 12 characters)."
        }
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Capitalises each word, leaving words that already mix cases ("McDonald") alone and
    /// writing Roman numerals of two or more letters in capitals ("Jana Pawła II").
    private static func titleCase(_ text: String) -> String {
        text.split(separator: " ").map { word -> String in
            let s = String(word)
            let hasUpper = s.contains(where: \.isUppercase)
            let hasLower = s.contains(where: \.isLowercase)
            if hasUpper && hasLower { return s }
            if s.utf8.count >= 2, isRomanNumeral(s) { return s.uppercased() }
            return s.prefix(1).uppercased() + s.dropFirst().lowercased()
        }.joined(separator: " ")
    }

    /// Whether `word`, in any case, is a Roman numeral up to 39 (`x{0,3}(ix|iv|v?i{0,3})`):
    /// the ordinals in street names. Written out rather than as a `Regex`, which cost more
    /// than the rest of the casing.
    static func isRomanNumeral(_ word: String) -> Bool {
        var letters = word.utf8.map { $0 | 0x20 }[...]
        var tens = 0
        while letters.first == UInt8(ascii: "x"), tens < 3 {
            letters.removeFirst()
            tens += 1
        }
        switch Array(letters) {
        case Array("ix".utf8), Array("iv".utf8): return true
        default:
            if letters.first == UInt8(ascii: "v") { letters.removeFirst() }
            return letters.count <= 3 && letters.allSatisfy { $0 == UInt8(ascii: "i") }
        }
    }

    /// Street-type words shortened the way each country's post expects them, by country:
    /// each abbreviation with the spellings it replaces (lower-case; each also with a final dot).
    ///
    /// Every spelling the matching engine's standardiser knows (`RapportIdentity`) is here too,
    /// so that two records of one address in different spellings ("Komplek", "Komp.") are
    /// stored as one address, not as a move from one to the other (a test compares the tables).
    public static let streetAbbreviations: [String: [String: [String]]] = [
        "US": [
            "St": ["street", "str", "st"], "Ave": ["avenue", "ave", "av"], "Rd": ["road", "rd"], "Blvd": ["boulevard", "blvd"],
            "Dr": ["drive", "dr"], "Ln": ["lane", "ln"], "Ct": ["court", "ct"], "Pl": ["place", "pl"],
            "Apt": ["apartment", "apt"], "Ste": ["suite", "ste"], "Hwy": ["highway", "hwy"], "Pkwy": ["parkway", "pkwy"],
            "Cir": ["circle", "cir"], "N": ["north"], "S": ["south"], "E": ["east"], "W": ["west"],
        ],
        "PL": [
            "ul.": ["ulica", "ul"], "al.": ["aleja", "aleje", "al"], "pl.": ["plac", "pl"], "os.": ["osiedle", "os"],
        ],
        "ID": [
            "Jl.": ["jalan", "jl", "jln"], "Gg.": ["gang", "gg"], "No.": ["nomor", "nomer", "no"],
            "Komp.": ["komplek", "kompleks", "komp"], "Perum.": ["perumahan", "perum"],
        ],
    ]

    /// ``streetAbbreviations`` as a lookup from each lower-case spelling, with and without its
    /// dot, to its abbreviation.
    private static let abbreviations: [String: [String: String]] = streetAbbreviations.mapValues { groups in
        var table: [String: String] = [:]
        for (abbreviation, spellings) in groups {
            for spelling in spellings {
                table[spelling] = abbreviation
                table[spelling + "."] = abbreviation
            }
        }
        return table
    }

    private static func abbreviate(_ line: String, country: String) -> String {
        guard let table = abbreviations[country] else { return line }
        return line.split(separator: " ").map { word in table[word.lowercased()] ?? String(word) }.joined(separator: " ")
    }
}
