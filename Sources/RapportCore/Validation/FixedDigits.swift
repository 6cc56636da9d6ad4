/// Zero-padded decimal digits written straight into a string's buffer: timestamps and
/// days are formatted millions of times in bulk loads and API responses, where
/// `String(format:)` and temporary arrays dominated the profile.
enum FixedDigits {
    /// Writes `value` as exactly `width` digits (leading zeros; higher digits dropped),
    /// then the ASCII `separator` if given, advancing `at`.
    static func write(
        _ value: Int64, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at: inout Int, then separator: UInt8? = nil
    ) {
        var remaining = value < 0 ? -value : value
        for index in stride(from: at + width - 1, through: at, by: -1) {
            buffer[index] = UInt8(48 + remaining % 10)
            remaining /= 10
        }
        at += width
        if let separator {
            buffer[at] = separator
            at += 1
        }
    }
}
