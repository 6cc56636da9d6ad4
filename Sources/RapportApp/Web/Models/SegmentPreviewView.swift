import Foundation
import RapportCore
import RapportSegments
import RapportStore

/// The segment builder's live figures as shown: size, value per currency, the rule in
/// words, or the problems with line and column. One shape for the page rendered by the
/// server (without JavaScript) and for the JSON the builder's script fetches as you type.
struct SegmentPreviewView: Encodable {
    let size: String?
    let value: [CurrencyRow]
    let explanation: [String]
    let errors: [ErrorRow]
    let hasErrors: Bool

    struct CurrencyRow: Encodable {
        let currency: String
        let customers: String
        let revenue: String
        let margin: String
        let averageCLV: String
    }

    struct ErrorRow: Encodable {
        /// "line 1, column 7" or the JSON path; empty when the problem has no place.
        let place: String
        let message: String
        let line: Int?
        let column: Int?
    }

    init(_ preview: SegmentPreview) {
        size = Self.count(preview.size)
        value = preview.value.map {
            CurrencyRow(
                currency: $0.currency, customers: Self.count($0.customers), revenue: $0.revenue.formatted,
                margin: $0.margin.formatted, averageCLV: $0.averageCLV?.formatted ?? "—")
        }
        explanation = preview.explanation
        errors = []
        hasErrors = false
    }

    init(problems: [ErrorRow]) {
        size = nil
        value = []
        explanation = []
        errors = problems
        hasErrors = true
    }

    /// The view of whatever a preview or save threw that the user can fix; nil for other errors.
    static func problems(from error: any Error) -> [ErrorRow]? {
        switch error {
        case let rejection as SegmentRuleRejection:
            return rejection.errors.map {
                ErrorRow(
                    place: $0.position?.description ?? ($0.path.isEmpty ? "" : "at \($0.path)"), message: $0.message,
                    line: $0.position?.line, column: $0.position?.column)
            }
        case DomainError.invalid(let issues):
            return issues.map { ErrorRow(place: $0.field, message: $0.message, line: nil, column: nil) }
        case DomainError.conflict(let field, let message):
            return [ErrorRow(place: field, message: message, line: nil, column: nil)]
        default:
            return nil
        }
    }

    /// 1234567 → "1 234 567" with thin spaces, as amounts are grouped.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(digit)
        }
        return (n < 0 ? "-" : "") + String(grouped.reversed())
    }
}
