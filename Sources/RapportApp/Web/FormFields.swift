import Foundation

/// `application/x-www-form-urlencoded` fields, as browsers send them in form bodies and
/// query strings: "+" is a space, decoded before percent-decoding so "%2B" stays a real
/// plus (as in phone numbers). A later duplicate key wins.
struct FormFields {
    let values: [String: String]

    init(_ encoded: String) {
        var values: [String: String] = [:]
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[Self.decode(parts[0])] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        self.values = values
    }

    subscript(_ key: String) -> String? { values[key] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
