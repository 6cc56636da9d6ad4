import RapportCore
import RapportLocales

/// ASCII forms of names for e-mail addresses and domains: "Łukasz Żółć" → `lukasz`, `zolc`.
///
/// Folding goes through ``SearchText/fold(_:)``; every name in the catalogues is folded once
/// and cached, because Foundation's diacritic folding is too slow to repeat millions of times.
enum Transliteration {
    private static let cache: [String: String] = {
        var table: [String: String] = [:]
        for country in Country.allCases {
            let catalog = LocaleCatalog.of(country)
            let surnames = catalog.surnames.flatMap { [$0, catalog.surname($0, female: true)] }
            for name in catalog.maleGivenNames + catalog.femaleGivenNames + surnames {
                table[name] = compute(name)
            }
        }
        return table
    }()

    /// Lower-case letters and digits only.
    static func ascii(_ name: String) -> String {
        cache[name] ?? compute(name)
    }

    private static func compute(_ name: String) -> String {
        String(
            SearchText.fold(name).unicodeScalars.filter {
                ("a"..."z").contains($0) || ("0"..."9").contains($0)
            }.map(Character.init))
    }
}
