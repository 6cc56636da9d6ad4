import Foundation

extension CustomerScore {
    /// The CSV header written by `rapport value fit --out`.
    public static let csvHeader =
        "id,frequency,recency,T,average_spend,expected_purchases,p_alive,expected_spend,clv"

    /// One CSV row; ids containing a comma, quote or newline are quoted (RFC 4180).
    public var csvRow: String {
        let quotedID =
            id.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            ? "\"" + id.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : id
        let numbers = [recency, age, averageSpend, expectedPurchases, probabilityAlive, expectedSpend, lifetimeValue]
        return ([quotedID, String(frequency)] + numbers.map { String($0) }).joined(separator: ",")
    }

    /// A whole CSV file: header and one row per score.
    public static func csv(_ scores: [CustomerScore]) -> String {
        var text = csvHeader + "\n"
        text.reserveCapacity(scores.count * 96)
        for score in scores {
            text += score.csvRow
            text += "\n"
        }
        return text
    }
}
