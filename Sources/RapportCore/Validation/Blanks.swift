/// Trimming and control-character checks for the text every record and form brings, written
/// on Unicode scalars instead of through Foundation.
///
/// Why not `trimmingCharacters(in:)`: on Linux it copies the text into an `NSString`, walks it
/// in UTF-16 and builds a new `String` back, even when there is nothing to trim. That was a
/// fifth of the CPU time normalising an imported record took (`docs/benchmarks.md`). These
/// give the same results — a test holds them to Foundation's character sets for every Unicode
/// scalar — and return the text itself when nothing needs trimming.
extension String {
    /// The text without leading and trailing spaces and tabs, as
    /// `trimmingSpaces()` gives it.
    public func trimmingSpaces() -> String { trimmed(newlines: false) }

    /// The text without leading and trailing spaces, tabs and line breaks, as
    /// `trimmingSpacesAndNewlines()` gives it.
    public func trimmingSpacesAndNewlines() -> String { trimmed(newlines: true) }

    /// Whether the text holds a control character (Unicode category Cc: U+0000–U+001F and
    /// U+007F–U+009F, a range the standard has fixed for good).
    public var containsControlCharacter: Bool { Blank.containsControl(unicodeScalars) }

    private func trimmed(newlines: Bool) -> String {
        let kept = Blank.kept(unicodeScalars, newlines: newlines)
        return kept == startIndex..<endIndex ? self : String(unicodeScalars[kept])
    }
}

extension Substring {
    /// ``Swift/String/trimmingSpaces()`` of a part of a text.
    public func trimmingSpaces() -> String { String(unicodeScalars[Blank.kept(unicodeScalars, newlines: false)]) }

    /// ``Swift/String/trimmingSpacesAndNewlines()`` of a part of a text.
    public func trimmingSpacesAndNewlines() -> String { String(unicodeScalars[Blank.kept(unicodeScalars, newlines: true)]) }
}

/// The scalars each trim removes.
enum Blank {
    /// Spaces (Unicode category Zs), the tab and U+200B ZERO WIDTH SPACE (a space in early
    /// Unicode, and still one for Foundation); with `newlines`, also U+000A–U+000D, U+0085,
    /// U+2028 and U+2029 — Foundation's `whitespaces` and `whitespacesAndNewlines`.
    static func isBlank(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: newlines
        default: false
        }
    }

    /// The range of `scalars` without its blanks at either end.
    static func kept<Scalars: BidirectionalCollection<Unicode.Scalar>>(_ scalars: Scalars, newlines: Bool)
        -> Range<Scalars.Index>
    {
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isBlank(scalars[start], newlines: newlines) { scalars.formIndex(after: &start) }
        while end > start {
            let last = scalars.index(before: end)
            guard isBlank(scalars[last], newlines: newlines) else { break }
            end = last
        }
        return start..<end
    }

    static func containsControl(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
