import Foundation
import Testing

@testable import RapportCore

@Suite("Trimming and control characters without Foundation's round trip")
struct BlanksTests {
    /// Every Unicode scalar is blank for the trims exactly when Foundation's character sets
    /// hold it.
    @Test func theBlanksAreFoundationsWhitespaceForEveryScalar() {
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Blank.isBlank(scalar, newlines: false) != CharacterSet.whitespaces.contains(scalar) {
                differences.append(String(format: "U+%04X spaces", value))
            }
            if Blank.isBlank(scalar, newlines: true) != CharacterSet.whitespacesAndNewlines.contains(scalar) {
                differences.append(String(format: "U+%04X newlines", value))
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    @Test(arguments: [
        "", " ", "\t\t", "Łukasz", "  Żółć ", "\u{3000}Tanaka\u{00A0}", " a  b ", "\n x \r\n", " \u{301}e ", "e\u{301} ",
        "\u{2028}line\u{2029}", "\u{85}next\u{85}", "🏠 ", " \u{200B}zero-width\u{200B} ",
    ])
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingSpacesAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        let part = ("[" + text + "]").dropFirst().dropLast()
        #expect(part.trimmingSpaces() == part.trimmingCharacters(in: .whitespaces))
        #expect(part.trimmingSpacesAndNewlines() == part.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func controlCharactersAreCategoryCc() {
        var differences: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            if text.containsControlCharacter != (scalar.properties.generalCategory == .control) { differences.append(value) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    /// The hand-written Roman numeral check agrees with the pattern it replaced on every word
    /// of up to six letters from x, i, v, X, I and a.
    @Test func romanNumeralsAreThePatternsWords() {
        let pattern = /x{0,3}(ix|iv|v?i{0,3})/
        let letters: [Character] = ["x", "i", "v", "X", "I", "a"]
        var words = [""]
        var checked = 0
        var differences: [String] = []
        for _ in 1...6 {
            words = words.flatMap { word in letters.map { word + String($0) } }
            for word in words {
                let expected = word.lowercased().wholeMatch(of: pattern) != nil
                if AddressStandardizer.isRomanNumeral(word) != expected { differences.append(word) }
                checked += 1
            }
        }
        #expect(checked > 50_000)
        #expect(differences.isEmpty, "\(differences.prefix(20))")
        #expect(AddressStandardizer.isRomanNumeral("XXIV") && !AddressStandardizer.isRomanNumeral("Xavier"))
    }
}
