/// How automatic detection tells the encodings apart, on a bounded window of bytes.
///
/// 1. A byte order mark decides outright (see ``TextDecoding``).
/// 2. Bytes below 0x80 read the same in every candidate, so they are decoded at once and
///    never make a decision wait.
/// 3. From the first byte of 0x80 or more, a window of bytes (``TextDecoding/detectionWindow``)
///    is examined. Well-formed UTF-8 throughout → UTF-8. Otherwise the file is one of the two
///    single-byte encodings — unless the window is mostly well-formed UTF-8 with a few bad
///    bytes, which is a damaged UTF-8 file and is reported as such rather than read as garbage.
/// 4. Between Windows-1250 and ISO-8859-2 only the bytes the two tables map differently
///    count (``score(_:)``); bytes they map alike are decoded without deciding. On a tie the
///    choice is Windows-1250, the more common export format in Poland.
enum EncodingDetection {
    /// UTF-8 verdict on a window that starts at a byte of 0x80 or more.
    enum UTF8Verdict: Equatable {
        /// Well-formed (a sequence cut by the window's end counts as well-formed).
        case utf8
        /// Not UTF-8: one of the single-byte encodings.
        case singleByte
        /// Mostly well-formed UTF-8 with a bad sequence at `index` (`length` bytes).
        case damagedUTF8(index: Int, length: Int)
    }

    /// Decides whether `window` is UTF-8. `atEnd` says the file ends with the window, so a
    /// cut sequence at its end is a defect rather than the edge of the window.
    static func utf8Verdict(_ window: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> UTF8Verdict {
        var index = 0
        var wellFormed = 0
        var malformed = 0
        var first: (index: Int, length: Int)?
        while index < window.count {
            switch UnicodeBytes.utf8Step(window, at: index) {
            case .valid(let length):
                if length > 1 { wellFormed += 1 }
                index += length
            case .incomplete:
                if !atEnd || wellFormed > 0 { return malformed == 0 ? .utf8 : verdict(wellFormed, malformed, first) }
                malformed += 1
                if first == nil { first = (index, window.count - index) }
                index = window.count
            case .invalid(let length):
                malformed += 1
                if first == nil { first = (index, length) }
                index += 1
            }
        }
        return malformed == 0 ? .utf8 : verdict(wellFormed, malformed, first)
    }

    private static func verdict(_ wellFormed: Int, _ malformed: Int, _ first: (index: Int, length: Int)?) -> UTF8Verdict
    {
        // Polish single-byte text forms a valid-looking pair now and then ("ÓŁ" is D3 A3 in
        // both tables), but far less often than it forms an invalid one.
        if let first, wellFormed >= 4, wellFormed >= 4 * malformed {
            return .damagedUTF8(index: first.index, length: first.length)
        }
        return .singleByte
    }

    /// Whether the two single-byte tables map `byte` differently.
    static let differs: [Bool] = (0..<256).map { byte in
        SingleByteTable.windows1250.scalar(UInt8(byte)) != SingleByteTable.iso8859_2.scalar(UInt8(byte))
    }

    /// Picks Windows-1250 or ISO-8859-2 for `window`.
    ///
    /// Each byte the tables map differently scores, per encoding: +2 when it reads as a
    /// Polish letter, +1 as another letter, 0 as punctuation or a symbol, −3 as a C1 control
    /// code and −10 when undefined. Higher total wins; a tie goes to Windows-1250.
    static func singleByteEncoding(for window: UnsafeBufferPointer<UInt8>) -> TextEncoding {
        var windows = 0
        var latin2 = 0
        for byte in window where differs[Int(byte)] {
            windows += score(SingleByteTable.windows1250.scalar(byte))
            latin2 += score(SingleByteTable.iso8859_2.scalar(byte))
        }
        return latin2 > windows ? .iso8859_2 : .windows1250
    }

    private static let polishLetters: Set<UInt32> = Set("ĄąĆćĘęŁłŃńÓóŚśŹźŻż".unicodeScalars.map(\.value))

    static func score(_ scalar: UInt32?) -> Int {
        guard let scalar, let unicode = Unicode.Scalar(scalar) else { return -10 }
        if polishLetters.contains(scalar) { return 2 }
        if (0x80...0x9F).contains(scalar) { return -3 }
        return unicode.properties.isAlphabetic ? 1 : 0
    }
}
