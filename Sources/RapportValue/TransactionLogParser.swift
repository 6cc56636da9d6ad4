/// Reads a transaction log: CSV with a header (customer_id, date, amount), or a
/// whitespace-separated log without header such as CDNOW's (customer id, id in the full set,
/// date YYYYMMDD, number of CDs, dollar value) or three columns (customer id, date, amount).
public enum TransactionLogParser {
    /// Parses the text of a transaction log.
    /// - Throws: `ValueModelError.malformedLine` naming the line and the field that is wrong.
    public static func parse(_ text: String) throws(ValueModelError) -> [Transaction] {
        let lines = DelimitedText.lines(text)
        guard let first = lines.first else { return [] }
        return first.content.contains(",") ? try parseCSV(lines) : try parseWhitespace(lines)
    }

    private static func parseCSV(_ lines: [(number: Int, content: Substring)]) throws(ValueModelError)
        -> [Transaction]
    {
        let header = DelimitedText.csvFields(lines[0].content)
        guard let id = DelimitedText.column(header, ["customer_id", "id", "customer"]),
            let date = DelimitedText.column(header, ["date", "day", "transaction_date"]),
            let amount = DelimitedText.column(header, ["amount", "value", "monetary_value", "revenue"])
        else {
            throw .malformedLine(
                line: lines[0].number, reason: "the header needs customer_id, date and amount columns")
        }
        var transactions: [Transaction] = []
        transactions.reserveCapacity(lines.count)
        for (number, content) in lines.dropFirst() {
            let fields = DelimitedText.csvFields(content)
            guard fields.count > max(id, date, amount) else {
                throw .malformedLine(
                    line: number, reason: "expected \(header.count) fields, found \(fields.count)")
            }
            transactions.append(
                try transaction(id: fields[id], date: fields[date], amount: fields[amount], line: number))
        }
        return transactions
    }

    private static func parseWhitespace(_ lines: [(number: Int, content: Substring)])
        throws(ValueModelError) -> [Transaction]
    {
        var transactions: [Transaction] = []
        transactions.reserveCapacity(lines.count)
        for (number, content) in lines {
            let fields = content.split(whereSeparator: \.isWhitespace)
            switch fields.count {
            case 5:
                transactions.append(
                    try transaction(id: fields[0], date: fields[2], amount: fields[4], line: number))
            case 3:
                transactions.append(
                    try transaction(id: fields[0], date: fields[1], amount: fields[2], line: number))
            default:
                throw .malformedLine(
                    line: number, reason: "expected 3 or 5 whitespace-separated fields, found \(fields.count)"
                )
            }
        }
        return transactions
    }

    private static func transaction(id: Substring, date: Substring, amount: Substring, line: Int)
        throws(ValueModelError) -> Transaction
    {
        guard !id.isEmpty else { throw .malformedLine(line: line, reason: "customer id is empty") }
        guard let day = CalendarDay(parsing: date) else {
            throw .malformedLine(line: line, reason: "date '\(date)' is not YYYY-MM-DD or YYYYMMDD")
        }
        return Transaction(
            customerID: String(id), date: day,
            amount: try DelimitedText.number(amount, column: "amount", line: line))
    }
}
