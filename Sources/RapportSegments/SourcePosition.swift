/// Where something was written in a rule's text: 1-based line and column and the 0-based
/// offset, all counted in characters (what a person sees, so "Żółć" is four).
public struct SourcePosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column within the line, in characters.
    public var column: Int
    /// 0-based offset from the start of the text, in characters (grapheme clusters; a
    /// JavaScript client counting UTF-16 units must convert).
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// "line 1, column 14".
    public var description: String { "line \(line), column \(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }
}
