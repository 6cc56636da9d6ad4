import Foundation
import Testing

@testable import RapportApp

@Suite("Grouped bar chart (server-made SVG)")
struct GroupedBarChartTests {
    static func chart(_ groups: [GroupedBarChart.Group]) -> String {
        GroupedBarChart(
            id: "t", title: "Predicted <&> actual", description: "A \"quoted\" description",
            series: ["Predicted", "Actual"],
            groups: groups, groupAxis: "Calibration purchases"
        ).svg
    }

    @Test func isAnAccessibleImageWithALegendAndOneBarPerSeriesAndGroup() {
        let svg = Self.chart([.init(label: "0", values: [0.52, 0.33]), .init(label: "7+", values: [3.42, 3.37])])
        #expect(svg.hasPrefix("<svg class=\"chart\" role=\"img\" aria-labelledby=\"t-title t-desc\""))
        #expect(svg.contains("<title id=\"t-title\">Predicted &lt;&amp;&gt; actual</title>"))
        #expect(svg.contains("<desc id=\"t-desc\">A &quot;quoted&quot; description</desc>"))
        #expect(svg.contains(">Predicted</text>") && svg.contains(">Actual</text>"))
        // Two legend swatches and four bars.
        #expect(svg.matches(of: /class="chart-bar chart-series-0"/).count == 3)
        #expect(svg.matches(of: /class="chart-bar chart-series-1"/).count == 3)
        #expect(svg.contains("<title>7+: Actual 3.37</title>"))
        #expect(svg.matches(of: /http:\/\//).count == 1, "no external resource, only the SVG namespace")
    }

    @Test func negativeOrNonFiniteValuesDrawNoBarAndNoNaN() {
        let svg = Self.chart([.init(label: "0", values: [-1, .nan]), .init(label: "1", values: [.infinity, 0])])
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(!svg.contains("height=\"-"))
    }

    @Test func theValueAxisEndsOnARoundNumber() {
        #expect(GroupedBarChart.niceCeiling(3.42) == 5)
        #expect(GroupedBarChart.niceCeiling(0.33) == 0.5)
        #expect(GroupedBarChart.niceCeiling(2) == 2)
        #expect(GroupedBarChart.niceCeiling(2.1) == 2.5)
        #expect(GroupedBarChart.niceCeiling(0) == 1)
        #expect(GroupedBarChart.niceCeiling(.nan) == 1)
    }
}
