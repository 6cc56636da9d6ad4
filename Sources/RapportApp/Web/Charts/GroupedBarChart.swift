import Foundation

/// A vertical bar chart with several bars per group (one per series, side by side), a legend
/// and a value axis from zero, drawn as inline SVG on the server — used for predicted against
/// actual holdout purchases by calibration purchases.
///
/// Accessible: `role="img"` labelled by its title and a description that gives every value
/// in words; each bar also carries its own title (shown as a tooltip).
struct GroupedBarChart {
    struct Group {
        let label: String
        /// One value per series, in the order of `series`.
        let values: [Double]
    }

    /// A prefix for the element ids the title and description need; unique on the page.
    let id: String
    let title: String
    /// The chart in words, for screen readers.
    let description: String
    /// Legend names, one per bar of each group.
    let series: [String]
    let groups: [Group]
    /// The caption under the group labels.
    var groupAxis = ""
    /// How bar values are written.
    var valueFormat = "%.2f"
    var width = 560
    var height = 280

    var svg: String {
        let left = 44.0
        let right = 8.0
        let top = 34.0
        let bottom = groupAxis.isEmpty ? 24.0 : 44.0
        let plotHeight = Double(height) - top - bottom
        let plotWidth = Double(width) - left - right
        let scaleMax = Self.niceCeiling(groups.flatMap(\.values).filter(\.isFinite).max() ?? 0)
        let groupWidth = plotWidth / Double(max(groups.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value, 0), scaleMax) / scaleMax) }
        var parts = [
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(width) \(height)\""
                + " width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title id=\"\(id)-title\">\(escape(title))</title>",
            "<desc id=\"\(id)-desc\">\(escape(description))</desc>",
        ]
        for (index, name) in series.enumerated() {
            let x = left + Double(index) * 150
            parts.append(
                "<rect x=\"\(format(x))\" y=\"8\" width=\"12\" height=\"12\" rx=\"2\" class=\"chart-bar chart-series-\(index % 3)\"/>"
                    + "<text x=\"\(format(x + 18))\" y=\"18\" class=\"chart-label\">\(escape(name))</text>")
        }
        for step in 0...4 {
            let value = scaleMax * Double(step) / 4
            parts.append(
                "<line x1=\"\(format(left))\" y1=\"\(format(y(value)))\" x2=\"\(format(left + plotWidth))\" y2=\"\(format(y(value)))\" class=\"chart-frame\"/>"
                    + "<text x=\"\(format(left - 4))\" y=\"\(format(y(value) + 4))\" class=\"chart-label\" text-anchor=\"end\">"
                    + "\(String(format: valueFormat, value))</text>")
        }
        for (groupIndex, group) in groups.enumerated() {
            let groupLeft = left + Double(groupIndex) * groupWidth + groupWidth * 0.1
            for (index, value) in group.values.enumerated() where index < series.count {
                let shown = value.isFinite ? max(value, 0) : 0
                let x = groupLeft + Double(index) * barWidth
                let text = String(format: valueFormat, shown)
                parts.append(
                    "<rect x=\"\(format(x))\" y=\"\(format(y(shown)))\" width=\"\(format(barWidth - 2))\""
                        + " height=\"\(format(max(y(0) - y(shown), 0)))\" class=\"chart-bar chart-series-\(index % 3)\">"
                        + "<title>\(escape("\(group.label): \(series[index]) \(text)"))</title></rect>"
                        + "<text x=\"\(format(x + (barWidth - 2) / 2))\" y=\"\(format(y(shown) - 3))\" class=\"chart-value\""
                        + " text-anchor=\"middle\" font-size=\"10\">\(text)</text>")
            }
            parts.append(
                "<text x=\"\(format(groupLeft + groupWidth * 0.4))\" y=\"\(format(top + plotHeight + 16))\" class=\"chart-label\""
                    + " text-anchor=\"middle\">\(escape(group.label))</text>")
        }
        if !groupAxis.isEmpty {
            parts.append(
                "<text x=\"\(format(left + plotWidth / 2))\" y=\"\(format(Double(height) - 6))\" class=\"chart-label\""
                    + " text-anchor=\"middle\">\(escape(groupAxis))</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// The smallest of 1, 2, 2.5 or 5 × 10ⁿ at or above `value`, so the axis ticks are round
    /// numbers; 1 for an empty or all-zero chart.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        let step = [1, 2, 2.5, 5, 10].first { $0 * magnitude >= value * (1 - 1e-12) } ?? 10
        return step * magnitude
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
