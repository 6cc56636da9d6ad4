import Foundation

/// A horizontal bar chart drawn as inline SVG on the server: labels, bars scaled to the
/// largest value, and the value with its share at the end of each bar. Accessible: it has
/// a title and each bar a text equivalent.
struct BarChart {
    struct Bar {
        let label: String
        let value: Double
    }

    let title: String
    let bars: [Bar]
    var width = 560
    var rowHeight = 26

    var svg: String {
        let total = max(bars.reduce(0) { $0 + $1.value }, 1)
        let largest = max(bars.map(\.value).max() ?? 1, 1)
        let labelWidth = 110
        let barSpace = Double(width - labelWidth - 120)
        let height = bars.count * rowHeight + 8
        var parts = [
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(escape(title))</title>",
        ]
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 4
            let length = max(bar.value / largest * barSpace, 1)
            let share = bar.value / total * 100
            parts.append(
                "<text x=\"0\" y=\(quote(y + 16)) class=\"chart-label\">\(escape(bar.label))</text>"
                    + "<rect x=\(quote(labelWidth)) y=\(quote(y + 3)) width=\"\(String(format: "%.1f", length))\" height=\"16\" rx=\"3\" class=\"chart-bar\"/>"
                    + "<text x=\"\(String(format: "%.1f", Double(labelWidth) + length + 6))\" y=\(quote(y + 16)) class=\"chart-value\">"
                    + "\(Int(bar.value)) (\(String(format: "%.1f", share)) %)</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }

    private func quote(_ value: Int) -> String { "\"\(value)\"" }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
