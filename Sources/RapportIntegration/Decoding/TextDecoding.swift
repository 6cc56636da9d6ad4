/// Turns the bytes of an imported file into text, chunk by chunk, in UTF-8 (with or without
/// a byte order mark), UTF-16 LE or BE (with a byte order mark), ISO-8859-2 or Windows-1250 —
/// given, or detected (see ``EncodingDetection`` for how).
///
/// Feed the file in chunks of any size with ``decode(_:)`` and call ``finish()`` once at the
/// end; concatenated, the returned pieces are the file's text. A character split across two
/// chunks (a UTF-8 sequence, a UTF-16 surrogate pair, a CR LF) is held back until it is
/// whole, so memory stays bounded whatever the file's size: at most the detection window
/// plus one chunk, and a few bytes once the encoding is known.
///
/// ```swift
/// var decoding = TextDecoding()                 // or TextDecoding(encoding: .windows1250)
/// for chunk in chunks { handle(try decoding.decode(chunk)) }
/// handle(try decoding.finish())
/// record(decoding.report.encoding)              // e.g. .windows1250
/// ```
public struct TextDecoding: Sendable {
    /// The encoding asked for, or nil to detect it.
    public let requestedEncoding: TextEncoding?
    /// Whether CR LF becomes LF.
    public let lineEndings: LineEndingHandling
    /// How many bytes, from the first one that is not ASCII, detection looks at before it
    /// decides. Larger is surer; it bounds the memory held while deciding.
    public let detectionWindow: Int

    private enum Phase: Equatable {
        /// Looking for a byte order mark in the first bytes.
        case byteOrderMark
        /// Detecting; nothing but ASCII so far.
        case ascii
        /// Detecting; the pending bytes start at the first byte of 0x80 or more.
        case detecting
        /// Detected a single-byte encoding; Windows-1250 and ISO-8859-2 not yet told apart.
        case singleByte
        case decoding(TextEncoding)
    }

    private var phase = Phase.byteOrderMark
    /// Bytes received but not yet decoded.
    private var pending: [UInt8] = []
    /// The file offset of `pending[0]`.
    private var pendingOffset = 0
    private var byteCount = 0
    private var foundByteOrderMark = false
    private var heldCarriageReturn = false
    private var crlfCount = 0
    private var lfCount = 0
    private var finished = false

    /// - Parameters:
    ///   - encoding: the file's encoding, or nil (the default) to detect it.
    ///   - lineEndings: whether CR LF becomes LF (the default) or is kept.
    ///   - detectionWindow: see ``detectionWindow``; 64 KiB unless given.
    public init(
        encoding: TextEncoding? = nil, lineEndings: LineEndingHandling = .lineFeed, detectionWindow: Int = 65_536
    ) {
        requestedEncoding = encoding
        self.lineEndings = lineEndings
        self.detectionWindow = max(1, detectionWindow)
    }

    /// Decodes a whole file held in memory.
    public static func decode(
        _ bytes: some Collection<UInt8>, encoding: TextEncoding? = nil, lineEndings: LineEndingHandling = .lineFeed
    ) throws(TextDecodingError) -> DecodedText {
        var decoding = TextDecoding(encoding: encoding, lineEndings: lineEndings)
        let text = try decoding.decode(bytes) + decoding.finish()
        return DecodedText(text: text, report: decoding.report)
    }

    /// The encoding in use: the one asked for, or the one detected so far (nil while undecided).
    public var encoding: TextEncoding? {
        if case .decoding(let encoding) = phase { return encoding }
        return requestedEncoding
    }

    /// Bytes held back, waiting for the rest of a character or for detection to decide.
    public var bufferedByteCount: Int { pending.count }

    /// What is known about the file; final once ``finish()`` has returned. A file that
    /// never left ASCII is UTF-8; one whose bytes read the same in both single-byte encodings
    /// is recorded as Windows-1250.
    public var report: TextDecodingReport {
        let used: TextEncoding
        switch phase {
        case .decoding(let encoding): used = encoding
        case .singleByte: used = .windows1250
        case .byteOrderMark, .ascii, .detecting: used = requestedEncoding ?? .utf8
        }
        let style: LineEndingStyle =
            switch (crlfCount > 0, lfCount > 0) {
            case (false, false): .none
            case (true, false): .crlf
            case (false, true): .lf
            case (true, true): .mixed
            }
        return TextDecodingReport(
            encoding: used, detected: requestedEncoding == nil, byteOrderMark: foundByteOrderMark,
            lineEndings: style, byteCount: byteCount)
    }

    /// Decodes the next chunk and returns the text that is complete so far (possibly empty).
    /// After an error the file cannot be read on: fix the input or the encoding and start again.
    public mutating func decode(_ chunk: some Collection<UInt8>) throws(TextDecodingError) -> String {
        precondition(!finished, "TextDecoding.decode(_:) called after finish()")
        byteCount += chunk.count
        pending.append(contentsOf: chunk)
        return try advance(atEnd: false)
    }

    /// Decodes what is left at the end of the file. Throws if the file ends inside a character.
    public mutating func finish() throws(TextDecodingError) -> String {
        precondition(!finished, "TextDecoding.finish() called twice")
        finished = true
        return try advance(atEnd: true)
    }

    private mutating func advance(atEnd: Bool) throws(TextDecodingError) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(pending.count + pending.count / 2)
        let consumed = try step(atEnd: atEnd, into: &decoded)
        if consumed == pending.count {
            pending.removeAll(keepingCapacity: true)
        } else if consumed > 0 {
            pending.removeSubrange(0..<consumed)
        }
        pendingOffset += consumed
        return breakLines(decoded, atEnd: atEnd)
    }

    /// Moves through the phases as far as the pending bytes allow; returns how many were used.
    private mutating func step(atEnd: Bool, into decoded: inout [UInt8]) throws(TextDecodingError) -> Int {
        var used = 0
        while true {
            switch phase {
            case .byteOrderMark:
                if let found = TextEncoding.markedEncodings.first(where: { pending.starts(with: $0.byteOrderMark!) }) {
                    if let requestedEncoding, requestedEncoding != found {
                        throw .byteOrderMarkMismatch(found: found, requested: requestedEncoding)
                    }
                    used = found.byteOrderMark!.count
                    foundByteOrderMark = true
                    phase = .decoding(found)
                    continue
                }
                let mayBeMark = TextEncoding.markedEncodings.contains { $0.byteOrderMark!.starts(with: pending) }
                if mayBeMark && !atEnd { return 0 }
                phase = requestedEncoding.map { .decoding($0) } ?? .ascii

            case .ascii:
                while used < pending.count, pending[used] < 0x80 {
                    if pending[used] == 0 { throw .looksLikeUTF16(offset: pendingOffset + used) }
                    decoded.append(pending[used])
                    used += 1
                }
                if used == pending.count { return used }
                phase = .detecting

            case .detecting:
                let available = pending.count - used
                if available < detectionWindow && !atEnd { return used }
                let end = min(pending.count, used + detectionWindow)
                let verdict = pending.withUnsafeBufferPointer { buffer in
                    EncodingDetection.utf8Verdict(
                        UnsafeBufferPointer(rebasing: buffer[used..<end]), atEnd: atEnd && end == pending.count)
                }
                switch verdict {
                case .utf8: phase = .decoding(.utf8)
                case .singleByte: phase = .singleByte
                case .damagedUTF8(let index, let length):
                    let start = used + index
                    throw .invalidUTF8(offset: pendingOffset + start, bytes: Array(pending[start..<(start + length)]))
                }

            case .singleByte:
                // Bytes both tables map alike are decoded without deciding.
                while used < pending.count, !EncodingDetection.differs[Int(pending[used])] {
                    let byte = pending[used]
                    if byte == 0 { throw .looksLikeUTF16(offset: pendingOffset + used) }
                    UnicodeBytes.appendUTF8(SingleByteTable.windows1250.scalar(byte)!, to: &decoded)
                    used += 1
                }
                if used == pending.count { return used }
                if pending.count - used < detectionWindow && !atEnd { return used }
                let end = min(pending.count, used + detectionWindow)
                phase = .decoding(
                    pending.withUnsafeBufferPointer { buffer in
                        EncodingDetection.singleByteEncoding(for: UnsafeBufferPointer(rebasing: buffer[used..<end]))
                    })

            case .decoding(let encoding):
                let base = pendingOffset
                return try pending.withUnsafeBufferPointer { (buffer) throws(TextDecodingError) -> Int in
                    switch encoding {
                    case .utf8:
                        try Self.decodeUTF8(buffer, from: used, base: base, atEnd: atEnd, into: &decoded)
                    case .utf16LittleEndian, .utf16BigEndian:
                        try Self.decodeUTF16(
                            buffer, from: used, bigEndian: encoding == .utf16BigEndian, base: base, atEnd: atEnd,
                            into: &decoded)
                    case .windows1250:
                        try Self.decodeSingleByte(
                            buffer, from: used, table: .windows1250, encoding: encoding, base: base, into: &decoded)
                    case .iso8859_2:
                        try Self.decodeSingleByte(
                            buffer, from: used, table: .iso8859_2, encoding: encoding, base: base, into: &decoded)
                    }
                }
            }
        }
    }

    /// Applies ``lineEndings`` and counts line ends; a CR at the end of a chunk waits for the next.
    private mutating func breakLines(_ decoded: [UInt8], atEnd: Bool) -> String {
        let carriageReturn: UInt8 = 0x0D
        let lineFeed: UInt8 = 0x0A
        if !heldCarriageReturn && !decoded.contains(carriageReturn) {
            lfCount += decoded.lazy.filter { $0 == lineFeed }.count
            return String(decoding: decoded, as: UTF8.self)
        }
        var lines: [UInt8] = []
        lines.reserveCapacity(decoded.count + 1)
        for byte in decoded {
            if heldCarriageReturn {
                heldCarriageReturn = false
                if byte == lineFeed {
                    crlfCount += 1
                    if lineEndings == .keep { lines.append(carriageReturn) }
                    lines.append(lineFeed)
                    continue
                }
                lines.append(carriageReturn)
            }
            if byte == carriageReturn {
                heldCarriageReturn = true
                continue
            }
            if byte == lineFeed { lfCount += 1 }
            lines.append(byte)
        }
        if atEnd && heldCarriageReturn {
            heldCarriageReturn = false
            lines.append(carriageReturn)
        }
        return String(decoding: lines, as: UTF8.self)
    }
}
