import Foundation

extension AttributeDefinition {
    /// A value of this attribute as a file writes it: numbers with a dot or a decimal comma,
    /// dates as `YYYY-MM-DD`, booleans as true/false, yes/no or 1/0, several choices separated
    /// by `;` or `|`. Whether the value is allowed (a known choice, not too long) is left to
    /// ``validate(_:field:)``.
    public func value(fromText text: String, field: String) throws(DomainError) -> AttributeValue {
        let trimmed = text.trimmingSpaces()
        switch type {
        case .text, .choice:
            return .text(trimmed)
        case .number:
            guard let number = Double(trimmed.replacingOccurrences(of: ",", with: ".")), number.isFinite else {
                throw .invalid([.invalid(field, "\(field) '\(text)' is not a number.")])
            }
            return .number(number)
        case .date:
            guard let day = LocalDate(iso: trimmed) else {
                throw .invalid([.invalid(field, "\(field) '\(text)' must be a date in the form YYYY-MM-DD.")])
            }
            return .date(day)
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "yes", "1", "y", "tak": return .boolean(true)
            case "false", "no", "0", "n", "nie": return .boolean(false)
            default: throw .invalid([.invalid(field, "\(field) '\(text)' is not true or false (yes/no, 1/0).")])
            }
        case .multiChoice:
            let items = trimmed.split { $0 == ";" || $0 == "|" }.map { $0.trimmingSpaces() }
            return .list(items.filter { !$0.isEmpty })
        }
    }
}
