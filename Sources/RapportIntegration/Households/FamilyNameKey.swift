import RapportCore

/// The keys a family name is matched on when grouping households and matching movers.
///
/// Folded (``SearchText/fold(_:)``: Żółć → zolc), split into its parts ("Nowak-Kowalska" →
/// nowak, kowalski), and with the feminine form of Polish adjectival surnames read as the
/// masculine one — Kowalska → kowalski, Nowicka → nowicki, Zawadzka → zawadzki — because a
/// husband and wife or a father and daughter carry the two forms. Two names match when they
/// share a key.
///
/// Particles ("van der Berg", "de la Cruz", "bin Ahmad") are not keys of their own, or every
/// Van and every De at one address would be linked.
///
/// Only the endings -ska, -cka and -dzka are mapped: -na → -ny (Czerna → Czerny) would also
/// turn surnames such as Wrona or Sarna into names nobody has.
public enum FamilyNameKey {
    /// The keys of `familyName`, in name order without repeats; none for nil or blank.
    public static func keys(_ familyName: String?) -> [String] {
        guard let familyName else { return [] }
        let parts = SearchText.fold(familyName).split { $0 == " " || $0 == "-" }
        var keys: [String] = []
        for part in parts where part.count >= 2 && !particles.contains(String(part)) {
            let key = masculine(String(part))
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    private static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "da", "das", "dos", "di", "du", "la", "le", "bin", "binti",
        "al", "el",
    ]

    private static func masculine(_ part: String) -> String {
        for (feminine, masculine) in [("dzka", "dzki"), ("cka", "cki"), ("ska", "ski")] where part.hasSuffix(feminine) {
            guard part.count > feminine.count + 1 else { return part }
            return String(part.dropLast(feminine.count)) + masculine
        }
        return part
    }
}
