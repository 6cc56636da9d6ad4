import Foundation

/// Folds text for search and matching: lower case, diacritics removed — including the
/// letters Unicode does not decompose, such as Polish Ł — and whitespace collapsed.
/// "Łukasz Żółć" → "lukasz zolc"; "Łódź" → "lodz".
public enum SearchText {
    private static let undecomposable: [Character: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "ı": "i", "þ": "th",
    ]

    public static func fold(_ text: String) -> String {
        foldASCII(text) ?? foldUnicode(text)
    }

    /// `fold` of any text, through Foundation's Unicode folding.
    static func foldUnicode(_ text: String) -> String {
        var mapped = ""
        mapped.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = undecomposable[character] { mapped += replacement } else { mapped.append(character) }
        }
        let stripped = mapped.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return stripped.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `fold` of a text that is all ASCII, without Foundation's Unicode folding (most names
    /// and addresses of a store are; folding them was a tenth of a bulk load's row-making):
    /// lower case, and runs of ASCII whitespace collapsed to one space with none at the ends
    /// (Character.isWhitespace, restricted to ASCII, is exactly tab to carriage return and
    /// space). `nil` for any other text.
    static func foldASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
