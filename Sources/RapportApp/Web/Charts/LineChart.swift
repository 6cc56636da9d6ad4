import Foundation

/// A line chart on a unit square (both axes 0–100 %), drawn as inline SVG on the server —
/// used for cumulative shares such as the Pareto curve — with the diagonal of equal shares
/// for reference and one marked point.
struct LineChart {
    let title: String
    /// Points as (x, y) fractions in 0…1.
    let points: [(Double, Double)]
    let marker: (x: Double, y: Double, label: String)?
    var size = 320

    var svg: String {
        let pad = 36.0
        let side = Double(size) - 2 * pad
        func px(_ x: Double) -> String { String(format: "%.1f", pad + x * side) }
        func py(_ y: Double) -> String { String(format: "%.1f", pad + (1 - y) * side) }
        let path = points.map { "\(px($0.0)),\(py($0.1))" }.joined(separator: " ")
        var parts = [
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(size) \(size)\" width=\"\(size)\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(title.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "&", with: "&amp;"))</title>",
            "<rect x=\"\(px(0))\" y=\"\(py(1))\" width=\"\(String(format: "%.1f", side))\" height=\"\(String(format: "%.1f", side))\" class=\"chart-frame\"/>",
            "<line x1=\"\(px(0))\" y1=\"\(py(0))\" x2=\"\(px(1))\" y2=\"\(py(1))\" class=\"chart-diagonal\"/>",
            "<polyline points=\"\(path)\" class=\"chart-line\"/>",
        ]
        for tick in [0.0, 0.2, 0.5, 0.8, 1.0] {
            parts.append("<text x=\"\(px(tick))\" y=\"\(String(format: "%.1f", Double(size) - 12))\" class=\"chart-label\" text-anchor=\"middle\">\(Int(tick * 100)) %</text>")
            parts.append("<text x=\"\(String(format: "%.1f", pad - 4))\" y=\"\(py(tick))\" class=\"chart-label\" text-anchor=\"end\">\(Int(tick * 100))</text>")
        }
        if let marker {
            parts.append("<circle cx=\"\(px(marker.x))\" cy=\"\(py(marker.y))\" r=\"4\" class=\"chart-marker\"/>")
            parts.append("<text x=\"\(px(marker.x + 0.03))\" y=\"\(py(marker.y - 0.06))\" class=\"chart-value\">\(marker.label)</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
