/// One test of one field: `spend >= 100`, `products contains "Catan"`, `newsletter`.
///
/// Positions are where the parts were written; two conditions are equal when they mean the
/// same, wherever they were written, so a rule parsed from its printed text equals the original.
public struct SegmentCondition: Sendable, Hashable {
    /// The field's name in the schema: `spend`, `attr.favourite_game`.
    public var field: String
    public var test: SegmentTest
    /// Where the field, the operator and each literal were written; nil for rules built in
    /// code or read from JSON.
    public var positions: Positions?

    /// The source positions of a condition's parts.
    public struct Positions: Sendable, Hashable, Codable {
        public var field: SourcePosition
        /// The operator's first word; nil for a bare yes/no field.
        public var test: SourcePosition?
        /// One per literal, in `SegmentTest.literals` order.
        public var literals: [SourcePosition]

        public init(field: SourcePosition, test: SourcePosition?, literals: [SourcePosition]) {
            self.field = field
            self.test = test
            self.literals = literals
        }
    }

    public init(field: String, test: SegmentTest, positions: Positions? = nil) {
        self.field = field
        self.test = test
        self.positions = positions
    }

    public static func == (lhs: SegmentCondition, rhs: SegmentCondition) -> Bool {
        lhs.field == rhs.field && lhs.test == rhs.test
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(test)
    }
}
