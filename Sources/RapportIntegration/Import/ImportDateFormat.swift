/// How dates are written in an imported file. Ingestion takes `YYYY-MM-DD`; other formats
/// are rewritten to it. A value that does not fit the format is passed on unchanged, so
/// ingestion quarantines the row with a reason naming `birthDate` and the value.
public enum ImportDateFormat: String, CaseIterable, Sendable {
    case isoDate = "yyyy-mm-dd"
    /// Polish and German style, `31.12.1980`.
    case dayMonthYear = "dd.mm.yyyy"
    /// US style, `12/31/1980`.
    case monthDayYear = "mm/dd/yyyy"

    /// `value` as `YYYY-MM-DD`, or nil when it does not fit the format.
    func isoDate(_ value: String) -> String? {
        let separator: Character =
            switch self {
            case .isoDate: "-"
            case .dayMonthYear: "."
            case .monthDayYear: "/"
            }
        let parts = value.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let (year, month, day) =
            switch self {
            case .isoDate: (parts[0], parts[1], parts[2])
            case .dayMonthYear: (parts[2], parts[1], parts[0])
            case .monthDayYear: (parts[2], parts[0], parts[1])
            }
        guard year.count == 4, month.count <= 2, day.count <= 2 else { return nil }
        return "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    private static func twoDigits(_ text: String) -> String { text.count == 1 ? "0" + text : text }
}
