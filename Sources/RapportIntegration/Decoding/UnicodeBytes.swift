/// Byte-level steps shared by the decoders: strict UTF-8 validation one sequence at a
/// time, and writing a code point as UTF-8.
enum UnicodeBytes {
    /// What the bytes at one position hold.
    enum Step: Equatable {
        /// A complete, well-formed sequence of `length` bytes.
        case valid(length: Int)
        /// The start of a well-formed sequence that the buffer ends inside of.
        case incomplete
        /// Not UTF-8: a stray continuation byte, an overlong form, a surrogate, a value
        /// above U+10FFFF or a lead byte without its continuation bytes. `length` bytes
        /// (at least 1) are shown in the error.
        case invalid(length: Int)
    }

    /// Checks the UTF-8 sequence starting at `index`, following the Unicode table of
    /// well-formed byte sequences (Unicode 15, table 3-7).
    @inline(__always)
    static func utf8Step(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Step {
        let lead = bytes[index]
        if lead < 0x80 { return .valid(length: 1) }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return .invalid(length: 1)
        }
        for offset in 1..<length {
            let position = index + offset
            if position >= bytes.count { return .incomplete }
            let byte = bytes[position]
            if byte < low || byte > high { return .invalid(length: offset + 1) }
            low = 0x80
            high = 0xBF
        }
        return .valid(length: length)
    }

    /// Appends `scalar` encoded as UTF-8.
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
