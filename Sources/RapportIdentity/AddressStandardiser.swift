import RapportLocales

/// A street line in display form and the key used to compare it.
public struct StandardAddress: Sendable, Hashable {
    /// Cased, abbreviated display form with diacritics, e.g. `"ul. Marszałkowska 10"`.
    public let line: String
    /// Folded form with canonical abbreviations, e.g. `"ul marszalkowska 10"`.
    public let matchKey: String
}

/// Country-aware standardisation of street lines: casing and the usual abbreviations.
///
/// US: Street → St, Avenue → Ave, Road → Rd, Drive → Dr, Lane → Ln, Boulevard → Blvd,
/// Court → Ct, Place → Pl, Apartment → Apt. Poland: ulica → ul., aleja → al., plac → pl.,
/// osiedle → os. Indonesia: Jalan → Jl., Gang → Gg., Nomor → No., Komplek → Komp. Without a
/// country all three tables apply (their abbreviations do not conflict in folded form).
public enum AddressStandardiser {
    /// Standardises one street line.
    public static func standardise(_ line: String, country: Country?) -> StandardAddress {
        let table = abbreviations(for: country)
        var display: [String] = []
        var key: [String] = []
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            let folded = NameFolding.fold(String(word))
            guard !folded.isEmpty else { continue }
            if let abbreviation = table[folded] {
                display.append(abbreviation)
                key.append(NameFolding.fold(abbreviation))
            } else {
                display.append(cased(String(word)))
                key.append(folded)
            }
        }
        return StandardAddress(
            line: display.joined(separator: " "), matchKey: key.joined(separator: " "))
    }

    /// The `matchKey` of `standardise(line, country:)` alone, without building the display form
    /// (matching needs only the key, and casing every word was a large share of normalisation).
    static func matchKey(_ line: String, country: Country?) -> String {
        let table = abbreviations(for: country)
        var key: [UInt8] = []
        key.reserveCapacity(line.utf8.count)
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            let folded = NameFolding.fold(String(word))
            guard !folded.isEmpty else { continue }
            if !key.isEmpty { key.append(0x20) }
            key.append(contentsOf: (table[folded].map(NameFolding.fold) ?? folded).utf8)
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Title case that keeps Roman numerals (`II`) and unit markers (`RT`, `RW`) upper-case.
    static func cased(_ word: String) -> String {
        let upper = word.uppercased()
        if upper.count <= 4, upper.allSatisfy({ "IVX".contains($0) }) || ["RT", "RW"].contains(upper) {
            return upper
        }
        guard let first = word.first, first.isLetter else { return word.lowercased() }
        return first.uppercased() + word.dropFirst().lowercased()
    }

    static func abbreviations(for country: Country?) -> [String: String] {
        switch country {
        case .us: return american
        case .pl: return polish
        case .id: return indonesian
        case nil: return anyCountry
        }
    }

    /// The three tables together, for lines of unknown country (merged once, not per line).
    private static let anyCountry = american.merging(polish) { a, _ in a }.merging(indonesian) { a, _ in a }

    private static let american: [String: String] = expand([
        "St": ["street", "str", "st"], "Ave": ["avenue", "ave", "av"], "Rd": ["road", "rd"],
        "Dr": ["drive", "dr"], "Ln": ["lane", "ln"], "Blvd": ["boulevard", "blvd"],
        "Ct": ["court", "ct"],
        "Pl": ["place", "pl"], "Apt": ["apartment", "apt"], "Ste": ["suite", "ste"],
        "Hwy": ["highway", "hwy"], "Pkwy": ["parkway", "pkwy"], "Cir": ["circle", "cir"],
    ])
    private static let polish: [String: String] = expand([
        "ul.": ["ulica", "ul"], "al.": ["aleja", "aleje", "al"], "pl.": ["plac", "pl"],
        "os.": ["osiedle", "os"],
    ])
    private static let indonesian: [String: String] = expand([
        "Jl.": ["jalan", "jl", "jln"], "Gg.": ["gang", "gg"], "No.": ["nomor", "no", "nomer"],
        "Komp.": ["komplek", "kompleks", "komp"],
    ])

    private static func expand(_ groups: [String: [String]]) -> [String: String] {
        var table: [String: String] = [:]
        for (abbreviation, spellings) in groups {
            for spelling in spellings { table[spelling] = abbreviation }
        }
        return table
    }
}
