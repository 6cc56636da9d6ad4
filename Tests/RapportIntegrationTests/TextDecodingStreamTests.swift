import Testing

@testable import RapportIntegration

@Suite("Text decoding in chunks, and undecodable input")
struct TextDecodingStreamTests {
    /// Every way of cutting each fixture in two, and one byte at a time; detected and given.
    @Test(arguments: PolishBytes.all.indices)
    func anyChunkBoundaryGivesTheSameText(index: Int) throws {
        let fixture = PolishBytes.all[index]
        for cut in 0...fixture.bytes.count {
            for given in [nil, fixture.encoding] {
                var decoding = TextDecoding(encoding: given, detectionWindow: 4)
                let text =
                    try decoding.decode(fixture.bytes[..<cut]) + decoding.decode(fixture.bytes[cut...])
                    + decoding.finish()
                #expect(text == PolishBytes.text, "\(fixture.name) cut at \(cut)")
                #expect(decoding.report.encoding == fixture.encoding, "\(fixture.name) cut at \(cut)")
            }
        }
        for window in [1, 4, 65_536] {
            let (text, decoding) = try decodeInChunks(fixture.bytes, size: 1, TextDecoding(detectionWindow: window))
            #expect(text == PolishBytes.text, "\(fixture.name) byte by byte, window \(window)")
            #expect(decoding.report.encoding == fixture.encoding)
        }
    }

    @Test func aSplitUTF8SequenceWaitsForItsEnd() throws {
        var decoding = TextDecoding(encoding: .utf8)
        #expect(try decoding.decode([0x41, 0xC5]) == "A")  // Ł is C5 81
        #expect(decoding.bufferedByteCount == 1)
        #expect(try decoding.decode([0x81, 0xF0, 0x9F]) == "Ł")  // 😀 is F0 9F 98 80
        #expect(try decoding.decode([0x98]) == "")
        #expect(try decoding.decode([0x80]) == "😀")
        #expect(try decoding.finish() == "")
    }

    @Test func aSurrogatePairSplitAcrossChunks() throws {
        // 😀 in UTF-16 LE is 3D D8 00 DE.
        let bytes: [UInt8] = PolishBytes.utf16LEBOM + [0x3D, 0xD8, 0x00, 0xDE, 0x41, 0x00]
        for size in 1...4 {
            #expect(try decodeInChunks(bytes, size: size).0 == "😀A", "chunks of \(size)")
        }
    }

    @Test func aLargeFileStreamsInBoundedMemory() throws {
        // 2 MiB of Polish CSV rows in UTF-8, fed in 64 KiB chunks.
        let row = Array("42,Łukasz,Żółć,\"Świętokrzyska 12\",Kraków\r\n".utf8)
        let chunk = Array((0..<(65_536 / row.count + 1)).flatMap { _ in row }.prefix(65_536))
        var decoding = TextDecoding()
        var characters = 0
        var largestBuffer = 0
        for number in 0..<32 {
            characters += try decoding.decode(chunk).unicodeScalars.count
            // The first chunk waits for the detection window; after that only a cut character is held back.
            #expect(decoding.bufferedByteCount <= (number == 0 ? 65_536 : 3))
            if number > 0 { largestBuffer = max(largestBuffer, decoding.bufferedByteCount) }
        }
        characters += try decoding.finish().unicodeScalars.count
        #expect(largestBuffer <= 3)
        #expect(decoding.report.encoding == .utf8)
        #expect(decoding.report.byteCount == 32 * 65_536)
        let expected = String(decoding: Array(repeating: chunk, count: 32).joined(), as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.count
        #expect(characters == expected)
    }

    @Test func detectionHoldsAtMostItsWindow() throws {
        // 100 000 ASCII bytes, then Latin-2: the ASCII flows through, the decision comes late.
        var decoding = TextDecoding(detectionWindow: 1024)
        let ascii = [UInt8](repeating: 0x61, count: 100_000)
        #expect(try decoding.decode(ascii).count == 100_000)
        #expect(decoding.bufferedByteCount == 0)
        #expect(decoding.encoding == nil)
        var text = ""
        for _ in 0..<100 {
            text += try decoding.decode(PolishBytes.pangramLatin2)
            #expect(decoding.bufferedByteCount <= 1024 + PolishBytes.pangramLatin2.count)
        }
        text += try decoding.finish()
        #expect(text == String(repeating: PolishBytes.pangram, count: 100))
        #expect(decoding.report.encoding == .iso8859_2)
    }

    @Test func invalidUTF8NamesTheByteAndTheEncodingsToTry() {
        // "Kraków" in Latin-2 handed in as UTF-8: 0xF3 0x77 is not UTF-8.
        let bytes: [UInt8] = [0x4B, 0x72, 0x61, 0x6B, 0xF3, 0x77]
        #expect(throws: TextDecodingError.invalidUTF8(offset: 4, bytes: [0xF3, 0x77])) {
            try TextDecoding.decode(bytes, encoding: .utf8)
        }
        let error = TextDecodingError.invalidUTF8(offset: 4, bytes: [0xF3, 0x77])
        #expect(error.offset == 4)
        #expect(error.alternatives == [.windows1250, .iso8859_2])
        #expect(
            error.description
                == "byte 4 (0xF3 0x77) is not valid UTF-8. If the file comes from Windows or older Polish software, pass the encoding windows-1250 or iso-8859-2; otherwise save it again as UTF-8."
        )
    }

    @Test(arguments: [
        ([0xC0, 0x80] as [UInt8], 0),  // overlong NUL
        ([0x61, 0xED, 0xA0, 0x80], 1),  // a UTF-16 surrogate written as UTF-8
        ([0x61, 0x62, 0xF4, 0x90, 0x80, 0x80], 2),  // above U+10FFFF
        ([0x80], 0),  // a continuation byte alone
    ])
    func malformedUTF8IsRejected(bytes: [UInt8], offset: Int) {
        do {
            _ = try TextDecoding.decode(bytes, encoding: .utf8)
            Issue.record("\(bytes) was accepted")
        } catch {
            #expect(error.offset == offset)
        }
    }

    @Test func aFileCutInsideACharacterIsTruncated() {
        #expect(throws: TextDecodingError.truncated(offset: 2, encoding: .utf8)) {
            try TextDecoding.decode([0x41, 0x42, 0xC5], encoding: .utf8)
        }
        #expect(throws: TextDecodingError.truncated(offset: 4, encoding: .utf16LittleEndian)) {
            try TextDecoding.decode(PolishBytes.utf16LEBOM + [0x41, 0x00, 0x42])
        }
    }

    @Test func aDamagedUTF8FileIsReportedNotMisread() {
        // Plenty of good UTF-8 and one stray Latin-2 byte (0xB3): an error, not Windows-1250 garbage.
        let bytes = PolishBytes.utf8 + [0x20, 0xB3, 0x20] + PolishBytes.utf8
        #expect(throws: TextDecodingError.invalidUTF8(offset: PolishBytes.utf8.count + 1, bytes: [0xB3])) {
            try TextDecoding.decode(bytes)
        }
    }

    @Test func undefinedWindows1250BytesSuggestLatin2() throws {
        #expect(throws: TextDecodingError.undefinedByte(offset: 1, byte: 0x81, encoding: .windows1250)) {
            try TextDecoding.decode([0x41, 0x81], encoding: .windows1250)
        }
        #expect(
            TextDecodingError.undefinedByte(offset: 1, byte: 0x81, encoding: .windows1250).alternatives == [.iso8859_2])
        // Latin-2 maps every byte.
        #expect(try TextDecoding.decode([0x41, 0x81], encoding: .iso8859_2).text == "A\u{81}")
    }

    @Test func unpairedSurrogatesSuggestTheOtherByteOrder() {
        let error = TextDecodingError.unpairedSurrogate(offset: 2, codeUnit: 0xDE00, encoding: .utf16LittleEndian)
        #expect(throws: error) { try TextDecoding.decode(PolishBytes.utf16LEBOM + [0x00, 0xDE, 0x41, 0x00]) }
        #expect(error.alternatives == [.utf16BigEndian])
        #expect(throws: TextDecodingError.unpairedSurrogate(offset: 2, codeUnit: 0xD83D, encoding: .utf16BigEndian)) {
            try TextDecoding.decode(PolishBytes.utf16BEBOM + [0xD8, 0x3D, 0x00, 0x41])
        }
    }

    @Test func aByteOrderMarkThatContradictsTheGivenEncoding() {
        #expect(throws: TextDecodingError.byteOrderMarkMismatch(found: .utf8, requested: .windows1250)) {
            try TextDecoding.decode(PolishBytes.utf8BOM + PolishBytes.utf8, encoding: .windows1250)
        }
        let error = TextDecodingError.byteOrderMarkMismatch(found: .utf16LittleEndian, requested: .utf8)
        #expect(throws: error) {
            try TextDecoding.decode(PolishBytes.utf16LEBOM + PolishBytes.utf16LE, encoding: .utf8)
        }
        #expect(error.description.contains("Pass the encoding utf-16le"))
    }

    @Test func utf16WithoutAByteOrderMarkIsNotGuessed() throws {
        #expect(throws: TextDecodingError.looksLikeUTF16(offset: 3)) {
            try TextDecoding.decode(PolishBytes.utf16LE)
        }
        #expect(try TextDecoding.decode(PolishBytes.utf16LE, encoding: .utf16LittleEndian).text == PolishBytes.text)
    }

    @Test func errorOffsetsCountFromTheStartOfTheFile() throws {
        var decoding = TextDecoding(encoding: .utf8)
        _ = try decoding.decode(PolishBytes.utf8BOM + PolishBytes.utf8)
        do {
            _ = try decoding.decode([0x41, 0xFF])
            Issue.record("0xFF was accepted")
        } catch {
            #expect(error == .invalidUTF8(offset: 3 + PolishBytes.utf8.count + 1, bytes: [0xFF]))
        }
    }
}
