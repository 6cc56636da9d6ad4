import RapportSegments

/// A segment rule that cannot be saved or previewed: every problem the parser or checker
/// found, each with its place (line and column for text, a JSON path for JSON), the field
/// it is about and how to fix it. The HTTP layer answers it with 422 and lists them all.
public struct SegmentRuleRejection: Error, Sendable, Equatable {
    /// The request field that held the rule.
    public var field: String
    public var errors: [SegmentRuleError]

    public init(_ errors: [SegmentRuleError], field: String = "rule") {
        self.errors = errors
        self.field = field
    }

    /// "line 1, column 7: Unknown field 'spnd' — did you mean 'spend'?" and the others.
    public var message: String {
        errors.count == 1
            ? errors[0].description
            : "\(errors.count) problems in the rule: " + errors.map(\.description).joined(separator: "; ")
    }

    /// Parses rule text, turning a syntax error into a rejection.
    public static func parse(_ text: String, field: String = "rule") throws(SegmentRuleRejection) -> SegmentRule {
        do {
            return try SegmentRule(parsing: text)
        } catch {
            throw SegmentRuleRejection([error], field: field)
        }
    }
}
