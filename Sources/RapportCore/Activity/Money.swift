/// An amount of money in minor units (cents, grosze, sen) of one ISO 4217 currency.
///
/// Integer minor units keep sums exact; conversion to a decimal happens only for display.
public struct Money: Hashable, Codable, Sendable, Comparable {
    public var minorUnits: Int64
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Builds an amount from a decimal such as 19.99, rounding half away from zero.
    public init(_ amount: Double, currency: String) {
        self.minorUnits = Int64((amount * 100).rounded())
        self.currency = currency
    }

    public var decimal: Double { Double(minorUnits) / 100 }

    /// "1 234.50 PLN" — grouped by thin spaces, two decimals, code after.
    public var formatted: String {
        let sign = minorUnits < 0 ? "-" : ""
        let absolute = minorUnits.magnitude
        let whole = String(absolute / 100)
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(digit)
        }
        let cents = absolute % 100
        return "\(sign)\(String(grouped.reversed())).\(cents < 10 ? "0" : "")\(cents) \(currency)"
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }
}
