/// The three decoders behind ``TextDecoding``: each reads from `start` as far as whole
/// characters go, appends them as UTF-8 to `decoded` and returns the index of the first byte
/// not used (the start of a character cut by the chunk's end). `base` is the file offset of
/// `bytes[0]`, for errors.
extension TextDecoding {
    static func decodeUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, base: Int, atEnd: Bool, into decoded: inout [UInt8]
    ) throws(TextDecodingError) -> Int {
        var index = start
        defer { decoded.append(contentsOf: bytes[start..<index]) }
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            switch UnicodeBytes.utf8Step(bytes, at: index) {
            case .valid(let length):
                index += length
            case .incomplete:
                if atEnd { throw .truncated(offset: base + index, encoding: .utf8) }
                return index
            case .invalid(let length):
                throw .invalidUTF8(offset: base + index, bytes: Array(bytes[index..<(index + length)]))
            }
        }
        return index
    }

    static func decodeUTF16(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool, base: Int, atEnd: Bool,
        into decoded: inout [UInt8]
    ) throws(TextDecodingError) -> Int {
        let encoding: TextEncoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
        func unit(at index: Int) -> UInt32 {
            bigEndian
                ? UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                : UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index])
        }
        var index = start
        while index + 1 < bytes.count {
            let first = unit(at: index)
            switch first {
            case 0xD800...0xDBFF:
                guard index + 3 < bytes.count else {
                    if atEnd { throw .truncated(offset: base + index, encoding: encoding) }
                    return index
                }
                let second = unit(at: index + 2)
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw .unpairedSurrogate(offset: base + index, codeUnit: UInt16(first), encoding: encoding)
                }
                UnicodeBytes.appendUTF8(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), to: &decoded)
                index += 4
            case 0xDC00...0xDFFF:
                throw .unpairedSurrogate(offset: base + index, codeUnit: UInt16(first), encoding: encoding)
            default:
                UnicodeBytes.appendUTF8(first, to: &decoded)
                index += 2
            }
        }
        if atEnd && index < bytes.count { throw .truncated(offset: base + index, encoding: encoding) }
        return index
    }

    static func decodeSingleByte(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, table: SingleByteTable, encoding: TextEncoding, base: Int,
        into decoded: inout [UInt8]
    ) throws(TextDecodingError) -> Int {
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                decoded.append(byte)
            } else if let scalar = table.scalar(byte) {
                UnicodeBytes.appendUTF8(scalar, to: &decoded)
            } else {
                throw .undefinedByte(offset: base + index, byte: byte, encoding: encoding)
            }
        }
        return bytes.count
    }
}
