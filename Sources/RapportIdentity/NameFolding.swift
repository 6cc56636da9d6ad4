import Foundation

/// Folds names and free text for matching: lower-case ASCII letters and digits, words
/// separated by single spaces, diacritics removed.
///
/// Canonical decomposition (NFD) handles most accented letters (ó → o, ż → z), but some letters
/// do not decompose and are mapped explicitly: Ł/ł → l, Ø/ø → o, Đ/đ → d, ß → ss, Æ/æ → ae,
/// Œ/œ → oe, Þ/þ → th, ı → i. Apostrophes vanish (O'Brien → obrien); every other
/// punctuation mark separates words. The display form is never changed: callers keep the
/// original string and use the folded one only to compare.
public enum NameFolding {
    /// The folded form of `text`, e.g. `"Łukasz Żółć"` → `"lukasz zolc"`.
    public static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// The folded form as ASCII bytes.
    public static func foldedBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emit(_ byte: UInt8) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A: emit(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: emit(byte)
                case 0x27, 0x60: continue
                default: pendingSpace = true
                }
            } else if let mapped = table[scalar] {
                for byte in mapped.utf8 { emit(byte) }
            } else if scalar == "\u{2019}" || (0x300...0x36F).contains(value) {
                continue
            } else if scalar.properties.isAlphabetic {
                for byte in fallback(scalar).utf8 { emit(byte) }
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    private static func fallback(_ scalar: Unicode.Scalar) -> String {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.lowercased()
        let ascii = decomposed.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }
        return String(String.UnicodeScalarView(ascii))
    }

    /// Latin-1 Supplement and Latin Extended-A/B letters mapped once to their folded ASCII form.
    private static let table: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for value in UInt32(0xC0)...UInt32(0x24F) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let folded = fallback(scalar)
            if !folded.isEmpty { table[scalar] = folded }
        }
        let special: [(String, String)] = [
            ("Ł", "l"), ("ł", "l"), ("Ø", "o"), ("ø", "o"), ("Đ", "d"), ("đ", "d"), ("ß", "ss"),
            ("Æ", "ae"), ("æ", "ae"), ("Œ", "oe"), ("œ", "oe"), ("Þ", "th"), ("þ", "th"),
            ("ı", "i"), ("Ħ", "h"), ("ħ", "h"), ("Ŀ", "l"), ("ŀ", "l"), ("Ð", "d"), ("ð", "d"),
        ]
        for (letter, folded) in special { table[letter.unicodeScalars.first!] = folded }
        return table
    }()
}
