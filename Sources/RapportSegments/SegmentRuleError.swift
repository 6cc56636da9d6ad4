/// Why a segment rule was rejected, where, and how to fix it.
///
/// `position` is set for rules parsed from text; `path` (like `and[1].value`) names the node
/// in the JSON form and is set for every error found by the checker or the JSON reader.
/// `description` puts the place first: "line 1, column 14: unknown field 'spnd' — did you
/// mean 'spend'?".
public struct SegmentRuleError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// A stable machine-readable reason.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The text or JSON is not a rule: a missing value, an unclosed parenthesis, …
        case syntax
        /// No field of that name in the schema.
        case unknownField = "unknown_field"
        /// The literal's type does not fit the field (text for a number, …).
        case wrongType = "wrong_type"
        /// The value is not one of the field's allowed choices.
        case unknownChoice = "unknown_choice"
        /// The operator does not apply to the field's type (`contains` on text, `<` on text, …).
        case unsupportedOperator = "unsupported_operator"
        /// `between` with the larger bound first, a group without conditions, …
        case invalidValue = "invalid_value"
        /// No segment with that key.
        case unknownSegment = "unknown_segment"
        /// Segments that refer to each other in a loop.
        case segmentCycle = "segment_cycle"
        /// An analytics-only field or reporting segment used to select people for contact (R2.8).
        case purpose = "purpose_limitation"
        /// The SQL mapping has no column for a field (a fault of the caller, not the user).
        case unmappedField = "unmapped_field"
    }

    public var code: Code
    /// A sentence telling the user what is wrong and how to fix it.
    public var message: String
    public var position: SourcePosition?
    /// The node's place in the JSON form, such as `and[1].not.field`; empty for the root.
    public var path: String
    /// The field the error is about, when there is one.
    public var field: String?

    public init(
        _ code: Code, _ message: String, position: SourcePosition? = nil, path: String = "", field: String? = nil
    ) {
        self.code = code
        self.message = message
        self.position = position
        self.path = path
        self.field = field
    }

    /// The message with its place first: the text position when known, else the JSON path.
    public var description: String {
        if let position { return "\(position): \(message)" }
        if !path.isEmpty { return "at \(path): \(message)" }
        return message
    }
}
