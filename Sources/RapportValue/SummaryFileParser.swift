/// Reads customer summaries from CSV as the `lifetimes` package writes them.
///
/// Accepted header names (case-insensitive): id / customer_id (optional — rows are numbered
/// from 1 otherwise); frequency or x; recency or t_x; T; monetary_value or zbar (optional).
public enum SummaryFileParser {
    /// Parses the text of a summary CSV file.
    /// - Throws: `ValueModelError.malformedLine` for a missing column or a bad number,
    ///   `ValueModelError.noCustomers` for a file without rows; customers are validated.
    public static func parse(_ text: String) throws(ValueModelError) -> [CustomerSummary] {
        let lines = DelimitedText.lines(text)
        guard let headerLine = lines.first else { throw .noCustomers }
        let header = DelimitedText.csvFields(headerLine.content)
        let id = DelimitedText.column(header, ["id", "customer_id", "customer", ""])
        guard let frequency = DelimitedText.column(header, ["frequency", "x"]),
            let recency = DelimitedText.column(header, ["recency", "t_x"]),
            let age = DelimitedText.column(header, ["t"])
        else {
            throw .malformedLine(
                line: headerLine.number,
                reason: "the header needs frequency (or x), recency (or t_x) and T columns")
        }
        let monetary = DelimitedText.column(header, ["monetary_value", "zbar"])
        var customers: [CustomerSummary] = []
        customers.reserveCapacity(lines.count)
        for (number, content) in lines.dropFirst() {
            let fields = DelimitedText.csvFields(content)
            guard fields.count >= header.count else {
                throw .malformedLine(
                    line: number, reason: "expected \(header.count) fields, found \(fields.count)")
            }
            let x = try DelimitedText.number(fields[frequency], column: "frequency", line: number)
            guard x >= 0, x == x.rounded(), x < 1e9 else {
                throw .malformedLine(
                    line: number, reason: "frequency '\(fields[frequency])' is not a whole number ≥ 0")
            }
            let customer = CustomerSummary(
                id: id.map { String(fields[$0]) } ?? String(customers.count + 1),
                frequency: Int(x),
                recency: try DelimitedText.number(fields[recency], column: "recency", line: number),
                age: try DelimitedText.number(fields[age], column: "T", line: number),
                monetaryValue: try monetary.map { column throws(ValueModelError) in
                    try DelimitedText.number(fields[column], column: "monetary_value", line: number)
                } ?? 0)
            try customer.validate()
            customers.append(customer)
        }
        if customers.isEmpty { throw .noCustomers }
        return customers
    }
}
