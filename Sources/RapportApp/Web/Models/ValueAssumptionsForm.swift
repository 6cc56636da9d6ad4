import Foundation
import RapportCore
import RapportStore
import RapportValue

/// The lifetime value assumptions as a form: rates in per cent, empty fields for "measure it
/// on the history" (retention, cost rate). Parsing names the field of every bad entry.
struct ValueAssumptionsForm {
    let action: String
    let canEdit: Bool
    let configured: Bool
    let note: String
    let retentionRates: String
    let discountRate: String
    let years: String
    let costRate: String
    let costPerCustomer: String
    let acquisitionCost: String
    let errors: [String]
    let hasErrors: Bool

    init(setting: ValueAssumptionRepository.Setting, action: String, canEdit: Bool, errors: [FieldIssue] = []) {
        self.action = action
        self.canEdit = canEdit
        configured = setting.configured
        let a = setting.assumptions
        if setting.configured, let by = setting.updatedBy {
            note = "Configured by \(by)" + (setting.updatedAt.map { " on " + LocalDate($0).description } ?? "") + "."
        } else {
            note = setting.segment == nil ? "Rapport's standard assumptions." : "The default assumptions apply."
        }
        retentionRates = a.retentionRates.map { $0.map(Self.percentText).joined(separator: ", ") } ?? ""
        discountRate = Self.percentText(a.discountRate)
        years = String(a.years)
        costRate = a.costRate.map(Self.percentText) ?? ""
        costPerCustomer = Self.amounts(a.costPerCustomer)
        acquisitionCost = Self.amounts(a.acquisitionCost)
        self.errors = errors.map { "\($0.field): \($0.message)" }
        hasErrors = !errors.isEmpty
    }

    /// Reads a submitted form; throws every bad field at once.
    static func parse(_ fields: FormFields) throws(DomainError) -> ValueAssumptions {
        var issues = IssueCollector()
        /// nil when empty; a bad number is an issue, thrown before any value is used.
        func number(_ key: String, percent: Bool = false) -> Double? {
            let text = (fields[key] ?? "").trimmingSpaces().replacingOccurrences(of: ",", with: ".")
            guard !text.isEmpty else { return nil }
            guard let value = Double(text.replacingOccurrences(of: "%", with: "")) else {
                issues.add(.invalid(key, "\(key) must be a number\(percent ? " in per cent" : ""), not '\(text)'."))
                return nil
            }
            return percent ? value / 100 : value
        }
        var retention: [Double]?
        let rateText = (fields["retentionRates"] ?? "").trimmingSpaces()
        if !rateText.isEmpty {
            let parts = rateText.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
            retention = []
            for (index, part) in parts.enumerated() {
                guard let value = Double(part.replacingOccurrences(of: "%", with: "")) else {
                    issues.add(.invalid("retentionRates[\(index)]", "Retention rates are per cent numbers such as 60, 70, 75; '\(part)' is not one."))
                    continue
                }
                if !(0...100).contains(value) {
                    issues.add(.outOfRange("retentionRates[\(index)]", "A retention rate is a per cent from 0 to 100, not \(part)."))
                }
                retention?.append(value / 100)
            }
        }
        let standard = ValueAssumptions.standard
        let discount = number("discountRate", percent: true)
        let costRate = number("costRate", percent: true)
        let perCustomer = amounts("costPerCustomer", fields, into: &issues)
        let acquisition = amounts("acquisitionCost", fields, into: &issues)
        for (key, value) in [("discountRate", discount), ("costRate", costRate)] {
            if let share = value, !(share > -1 && share <= 1) {
                issues.add(.outOfRange(key, "\(key) is a per cent above −100 and at most 100."))
            }
        }
        var years = standard.years
        if let text = fields["years"]?.trimmingSpaces(), !text.isEmpty {
            if let value = Int(text) { years = value } else { issues.add(.invalid("years", "years must be a whole number, not '\(text)'.")) }
        }
        try issues.check()
        return try ValueAssumptions(
            retentionRates: retention, discountRate: discount ?? standard.discountRate, years: years,
            costRate: costRate, costPerCustomer: perCustomer, acquisitionCost: acquisition
        ).validated()
    }

    /// Amounts per currency as typed: "150 PLN, 40 USD" (the code before the number works too).
    private static func amounts(_ key: String, _ fields: FormFields, into issues: inout IssueCollector) -> [String: Double] {
        var result: [String: Double] = [:]
        let text = (fields[key] ?? "").trimmingSpaces()
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let words = part.split(separator: " ").map(String.init)
            let code = words.first { $0.count == 3 && $0.allSatisfy(\.isLetter) }?.uppercased()
            let amount = words.lazy.compactMap { Double($0) }.first
            guard let code, let amount, words.count == 2 else {
                issues.add(.invalid(key, "\(key) takes amounts with their currency, such as 150 PLN, 40 USD; '\(part.trimmingSpaces())' is not one."))
                continue
            }
            result[code] = amount
        }
        return result
    }

    /// "150 PLN, 40 USD".
    private static func amounts(_ values: [String: Double]) -> String {
        values.sorted { $0.key < $1.key }.map { "\(number($0.value)) \($0.key)" }.joined(separator: ", ")
    }

    private static func percentText(_ share: Double) -> String { number(share * 100) }

    /// A number without trailing zeros: 10, 62.5.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
