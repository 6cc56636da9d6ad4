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
        var mapped = ""
        mapped.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = undecomposable[character] { mapped += replacement } else { mapped.append(character) }
        }
        let stripped = mapped.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return stripped.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
