/// The NYSIIS phonetic code (New York State Identification and Intelligence System), applied
/// to folded names so that `Łukasz` and `Lukasz`, `Katherine` and `Catherine` share a key.
///
/// Follows the original rules (prefix and suffix rewrites, vowels to `A`, consonant
/// rewrites, collapse of repeats, trailing `S`/`A` removal) without truncation, so longer
/// names keep their full discriminating power in blocking.
public enum Nysiis {
    /// The code of a name; letters other than `a`–`z` are ignored.
    public static func code(_ name: String) -> String {
        String(decoding: code(Array(NameFolding.foldedBytes(name))), as: UTF8.self)
    }

    /// The code of folded ASCII bytes, upper-case.
    static func code(_ folded: [UInt8]) -> [UInt8] {
        var s = folded.compactMap { (0x61...0x7A).contains($0) ? $0 - 0x20 : nil }
        guard !s.isEmpty else { return [] }
        func starts(_ p: String) -> Bool { s.starts(with: p.utf8) }
        func ends(_ p: String) -> Bool {
            s.count >= p.utf8.count && s.suffix(p.utf8.count).elementsEqual(p.utf8)
        }
        func replacePrefix(_ count: Int, _ with: String) {
            s.replaceSubrange(0..<count, with: with.utf8)
        }
        if starts("MAC") {
            replacePrefix(3, "MCC")
        } else if starts("KN") {
            replacePrefix(2, "NN")
        } else if starts("K") {
            replacePrefix(1, "C")
        } else if starts("PH") || starts("PF") {
            replacePrefix(2, "FF")
        } else if starts("SCH") {
            replacePrefix(3, "SSS")
        }
        if ends("EE") || ends("IE") {
            s.removeLast(2)
            s.append(UInt8(ascii: "Y"))
        } else if ["DT", "RT", "RD", "NT", "ND"].contains(where: ends) {
            s.removeLast(2)
            s.append(UInt8(ascii: "D"))
        }
        var key: [UInt8] = [s[0]]
        let vowels: Set<UInt8> = Set("AEIOU".utf8)
        var i = 1
        while i < s.count {
            var piece: [UInt8]
            let c = s[i]
            let next: UInt8 = i + 1 < s.count ? s[i + 1] : 0
            if c == UInt8(ascii: "E"), next == UInt8(ascii: "V") {
                piece = Array("AF".utf8)
                i += 1
            } else if vowels.contains(c) {
                piece = [UInt8(ascii: "A")]
            } else if c == UInt8(ascii: "Q") {
                piece = [UInt8(ascii: "G")]
            } else if c == UInt8(ascii: "Z") {
                piece = [UInt8(ascii: "S")]
            } else if c == UInt8(ascii: "M") {
                piece = [UInt8(ascii: "N")]
            } else if c == UInt8(ascii: "K") {
                piece = next == UInt8(ascii: "N") ? [UInt8(ascii: "N")] : [UInt8(ascii: "C")]
            } else if c == UInt8(ascii: "S"), next == UInt8(ascii: "C"), i + 2 < s.count,
                s[i + 2] == UInt8(ascii: "H")
            {
                piece = Array("SSS".utf8)
                i += 2
            } else if c == UInt8(ascii: "P"), next == UInt8(ascii: "H") {
                piece = Array("FF".utf8)
                i += 1
            } else if c == UInt8(ascii: "H"),
                !vowels.contains(s[i - 1]) || (next != 0 && !vowels.contains(next))
            {
                piece = [s[i - 1]]
            } else if c == UInt8(ascii: "W"), vowels.contains(s[i - 1]) {
                piece = [s[i - 1]]
            } else {
                piece = [c]
            }
            for p in piece where p != key.last { key.append(p) }
            i += 1
        }
        if key.count > 1, key.last == UInt8(ascii: "S") { key.removeLast() }
        if key.count > 2, key.suffix(2).elementsEqual("AY".utf8) {
            key.removeLast(2)
            key.append(UInt8(ascii: "Y"))
        }
        if key.count > 1, key.last == UInt8(ascii: "A") { key.removeLast() }
        return key
    }
}
