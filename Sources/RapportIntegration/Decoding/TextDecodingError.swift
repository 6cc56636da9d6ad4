/// Why the bytes of a file cannot be read as text. Every case names the byte offset
/// (counted from 0 at the first byte of the file, byte order mark included) and the message
/// says what to pass or change instead.
public enum TextDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes at `offset` are not UTF-8 (the file was read, given or detected, as UTF-8).
    case invalidUTF8(offset: Int, bytes: [UInt8])
    /// `byte` at `offset` has no character in `encoding` (Windows-1250 leaves five bytes unused).
    case undefinedByte(offset: Int, byte: UInt8, encoding: TextEncoding)
    /// The 16-bit unit at `offset` is half of a surrogate pair without its other half.
    case unpairedSurrogate(offset: Int, codeUnit: UInt16, encoding: TextEncoding)
    /// The file ends in the middle of the character that starts at `offset`.
    case truncated(offset: Int, encoding: TextEncoding)
    /// The file starts with the byte order mark of `found`, but `requested` was asked for.
    case byteOrderMarkMismatch(found: TextEncoding, requested: TextEncoding)
    /// Detection met a zero byte at `offset`: a UTF-16 file without a byte order mark.
    case looksLikeUTF16(offset: Int)

    /// The offset of the offending byte, where there is one.
    public var offset: Int? {
        switch self {
        case .invalidUTF8(let offset, _), .undefinedByte(let offset, _, _), .unpairedSurrogate(let offset, _, _),
            .truncated(let offset, _), .looksLikeUTF16(let offset):
            offset
        case .byteOrderMarkMismatch: nil
        }
    }

    /// The encodings worth trying instead.
    public var alternatives: [TextEncoding] {
        switch self {
        case .invalidUTF8: [.windows1250, .iso8859_2]
        case .undefinedByte: [.iso8859_2]
        case .unpairedSurrogate(_, _, let encoding):
            encoding == .utf16LittleEndian ? [.utf16BigEndian] : [.utf16LittleEndian]
        case .truncated: []
        case .byteOrderMarkMismatch(let found, _): [found]
        case .looksLikeUTF16: [.utf16LittleEndian, .utf16BigEndian]
        }
    }

    public var description: String {
        switch self {
        case .invalidUTF8(let offset, let bytes):
            "byte \(offset) (\(Self.hex(bytes))) is not valid UTF-8. If the file comes from Windows or older Polish "
                + "software, pass the encoding windows-1250 or iso-8859-2; otherwise save it again as UTF-8."
        case .undefinedByte(let offset, let byte, let encoding):
            "byte \(offset) (\(Self.hex([byte]))) is not a character in \(encoding.displayName). "
                + "Pass the encoding iso-8859-2 if the file is Latin-2, or save it again as UTF-8."
        case .unpairedSurrogate(let offset, let unit, let encoding):
            "bytes \(offset)–\(offset + 1) (0x\(String(unit, radix: 16, uppercase: true))) are half of a character "
                + "in \(encoding.displayName). Check that the byte order is right (pass "
                + "\(alternatives.map(\.rawValue).joined()) to swap it) or save the file again as UTF-8."
        case .truncated(let offset, let encoding):
            "the file ends in the middle of the \(encoding.displayName) character that starts at byte \(offset); "
                + "it was probably cut short — send the whole file."
        case .byteOrderMarkMismatch(let found, let requested):
            "the file starts with the \(found.displayName) byte order mark but \(requested.displayName) was asked for. "
                + "Pass the encoding \(found.rawValue), or leave the encoding out to detect it."
        case .looksLikeUTF16(let offset):
            "byte \(offset) is a zero byte, which text files contain only in UTF-16. "
                + "Pass the encoding utf-16le or utf-16be (the file has no byte order mark to tell which)."
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
