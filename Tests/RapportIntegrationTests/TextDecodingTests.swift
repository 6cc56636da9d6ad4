import Testing

@testable import RapportIntegration

/// Byte fixtures written out by hand (checked against Python's codecs when written).
enum PolishBytes {
    static let text = "Łukasz Żółć, Świętokrzyska 12, Kraków"
    static let utf8: [UInt8] = [
        0xC5, 0x81, 0x75, 0x6B, 0x61, 0x73, 0x7A, 0x20, 0xC5, 0xBB, 0xC3, 0xB3, 0xC5, 0x82, 0xC4, 0x87, 0x2C, 0x20,
        0xC5,
        0x9A, 0x77, 0x69, 0xC4, 0x99, 0x74, 0x6F, 0x6B, 0x72, 0x7A, 0x79, 0x73, 0x6B, 0x61, 0x20, 0x31, 0x32, 0x2C,
        0x20,
        0x4B, 0x72, 0x61, 0x6B, 0xC3, 0xB3, 0x77,
    ]
    static let utf16LE: [UInt8] = [
        0x41, 0x01, 0x75, 0x00, 0x6B, 0x00, 0x61, 0x00, 0x73, 0x00, 0x7A, 0x00, 0x20, 0x00, 0x7B, 0x01, 0xF3, 0x00,
        0x42,
        0x01, 0x07, 0x01, 0x2C, 0x00, 0x20, 0x00, 0x5A, 0x01, 0x77, 0x00, 0x69, 0x00, 0x19, 0x01, 0x74, 0x00, 0x6F,
        0x00,
        0x6B, 0x00, 0x72, 0x00, 0x7A, 0x00, 0x79, 0x00, 0x73, 0x00, 0x6B, 0x00, 0x61, 0x00, 0x20, 0x00, 0x31, 0x00,
        0x32,
        0x00, 0x2C, 0x00, 0x20, 0x00, 0x4B, 0x00, 0x72, 0x00, 0x61, 0x00, 0x6B, 0x00, 0xF3, 0x00, 0x77, 0x00,
    ]
    static let utf16BE: [UInt8] = [
        0x01, 0x41, 0x00, 0x75, 0x00, 0x6B, 0x00, 0x61, 0x00, 0x73, 0x00, 0x7A, 0x00, 0x20, 0x01, 0x7B, 0x00, 0xF3,
        0x01,
        0x42, 0x01, 0x07, 0x00, 0x2C, 0x00, 0x20, 0x01, 0x5A, 0x00, 0x77, 0x00, 0x69, 0x01, 0x19, 0x00, 0x74, 0x00,
        0x6F,
        0x00, 0x6B, 0x00, 0x72, 0x00, 0x7A, 0x00, 0x79, 0x00, 0x73, 0x00, 0x6B, 0x00, 0x61, 0x00, 0x20, 0x00, 0x31,
        0x00,
        0x32, 0x00, 0x2C, 0x00, 0x20, 0x00, 0x4B, 0x00, 0x72, 0x00, 0x61, 0x00, 0x6B, 0x00, 0xF3, 0x00, 0x77,
    ]
    /// Differs from Windows-1250 only in Ś: 0xA6 here, 0x8C there.
    static let iso8859_2: [UInt8] = [
        0xA3, 0x75, 0x6B, 0x61, 0x73, 0x7A, 0x20, 0xAF, 0xF3, 0xB3, 0xE6, 0x2C, 0x20, 0xA6, 0x77, 0x69, 0xEA, 0x74,
        0x6F,
        0x6B, 0x72, 0x7A, 0x79, 0x73, 0x6B, 0x61, 0x20, 0x31, 0x32, 0x2C, 0x20, 0x4B, 0x72, 0x61, 0x6B, 0xF3, 0x77,
    ]
    static let windows1250: [UInt8] = [
        0xA3, 0x75, 0x6B, 0x61, 0x73, 0x7A, 0x20, 0xAF, 0xF3, 0xB3, 0xE6, 0x2C, 0x20, 0x8C, 0x77, 0x69, 0xEA, 0x74,
        0x6F,
        0x6B, 0x72, 0x7A, 0x79, 0x73, 0x6B, 0x61, 0x20, 0x31, 0x32, 0x2C, 0x20, 0x4B, 0x72, 0x61, 0x6B, 0xF3, 0x77,
    ]

    /// "Zażółć gęślą jaźń": ś, ą and ź sit on different bytes in the two encodings.
    static let pangram = "Zażółć gęślą jaźń"
    static let pangramLatin2: [UInt8] = [
        0x5A, 0x61, 0xBF, 0xF3, 0xB3, 0xE6, 0x20, 0x67, 0xEA, 0xB6, 0x6C, 0xB1, 0x20, 0x6A, 0x61, 0xBC, 0xF1,
    ]
    static let pangramWindows: [UInt8] = [
        0x5A, 0x61, 0xBF, 0xF3, 0xB3, 0xE6, 0x20, 0x67, 0xEA, 0x9C, 0x6C, 0xB9, 0x20, 0x6A, 0x61, 0x9F, 0xF1,
    ]

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LEBOM: [UInt8] = [0xFF, 0xFE]
    static let utf16BEBOM: [UInt8] = [0xFE, 0xFF]

    /// Every fixture with the encoding detection must find and whether it carries a BOM.
    static let all: [(name: String, bytes: [UInt8], encoding: TextEncoding, bom: Bool)] = [
        ("UTF-8", utf8, .utf8, false),
        ("UTF-8 with BOM", utf8BOM + utf8, .utf8, true),
        ("UTF-16 LE", utf16LEBOM + utf16LE, .utf16LittleEndian, true),
        ("UTF-16 BE", utf16BEBOM + utf16BE, .utf16BigEndian, true),
        ("ISO-8859-2", iso8859_2, .iso8859_2, false),
        ("Windows-1250", windows1250, .windows1250, false),
    ]
}

/// Decodes `bytes` in chunks of `size` bytes (the last one shorter).
func decodeInChunks(_ bytes: [UInt8], size: Int, _ decoding: TextDecoding = TextDecoding()) throws -> (
    String, TextDecoding
) {
    var decoding = decoding
    var text = ""
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + size)
        text += try decoding.decode(bytes[start..<end])
        start = end
    }
    text += try decoding.finish()
    return (text, decoding)
}

@Suite("Text decoding for imports: detection, BOM, line ends")
struct TextDecodingTests {
    @Test(arguments: PolishBytes.all.indices)
    func detectsEveryEncodingOfThePolishLine(index: Int) throws {
        let fixture = PolishBytes.all[index]
        let decoded = try TextDecoding.decode(fixture.bytes)
        #expect(decoded.text == PolishBytes.text, "\(fixture.name)")
        #expect(decoded.report.encoding == fixture.encoding, "\(fixture.name)")
        #expect(decoded.report.byteOrderMark == fixture.bom, "\(fixture.name)")
        #expect(decoded.report.detected)
        #expect(decoded.report.byteCount == fixture.bytes.count)
        #expect(!decoded.text.hasPrefix("\u{FEFF}"), "the byte order mark is not part of the text")
    }

    @Test(arguments: PolishBytes.all.indices)
    func decodesEveryEncodingWhenGiven(index: Int) throws {
        let fixture = PolishBytes.all[index]
        let decoded = try TextDecoding.decode(fixture.bytes, encoding: fixture.encoding)
        #expect(decoded.text == PolishBytes.text, "\(fixture.name)")
        #expect(decoded.report.encoding == fixture.encoding)
        #expect(!decoded.report.detected)
    }

    @Test func tellsLatin2FromWindows1250ByTheLettersThatDiffer() throws {
        let latin2 = try TextDecoding.decode(PolishBytes.pangramLatin2)
        #expect(latin2.text == PolishBytes.pangram)
        #expect(latin2.report.encoding == .iso8859_2)
        let windows = try TextDecoding.decode(PolishBytes.pangramWindows)
        #expect(windows.text == PolishBytes.pangram)
        #expect(windows.report.encoding == .windows1250)
        // Read the other way round, the same bytes give different letters.
        #expect(try TextDecoding.decode(PolishBytes.pangramLatin2, encoding: .windows1250).text == "Zażółć gę¶l± jaĽń")
    }

    @Test func typographicQuotesMeanWindows1250() throws {
        // „Żółw” — 0x84 and 0x94 are quotes in Windows-1250, control codes in Latin-2.
        let decoded = try TextDecoding.decode([0x84, 0xAF, 0xF3, 0xB3, 0x77, 0x94])
        #expect(decoded.text == "„Żółw”")
        #expect(decoded.report.encoding == .windows1250)
    }

    @Test func bytesBothTablesShareNeedNoDecision() throws {
        // "Żółć": every byte means the same in both; recorded as Windows-1250.
        let decoded = try TextDecoding.decode([0xAF, 0xF3, 0xB3, 0xE6])
        #expect(decoded.text == "Żółć")
        #expect(decoded.report.encoding == .windows1250)
    }

    @Test func asciiAndEmptyFilesAreUTF8() throws {
        #expect(try TextDecoding.decode(Array("id,name\n".utf8)).report.encoding == .utf8)
        let empty = try TextDecoding.decode([UInt8]())
        #expect(empty.text == "")
        #expect(empty.report.encoding == .utf8)
        #expect(empty.report.lineEndings == LineEndingStyle.none)
    }

    @Test func crlfBecomesLFAndIsReported() throws {
        let bytes = Array("id,name\r\n1,Łukasz\r\n2,Ewa\r\n".utf8)
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.text == "id,name\n1,Łukasz\n2,Ewa\n")
        #expect(decoded.text.split(separator: "\n").count == 3)
        #expect(decoded.report.lineEndings == .crlf)
        let kept = try TextDecoding.decode(bytes, lineEndings: .keep)
        #expect(kept.text == "id,name\r\n1,Łukasz\r\n2,Ewa\r\n")
        #expect(try TextDecoding.decode(Array("a\nb\r\nc".utf8)).report.lineEndings == .mixed)
        #expect(try TextDecoding.decode(Array("a\nb\n".utf8)).report.lineEndings == .lf)
    }

    @Test func crlfInUTF16AndSingleByteFiles() throws {
        let utf16: [UInt8] = PolishBytes.utf16LEBOM + [0x41, 0x01, 0x0D, 0x00, 0x0A, 0x00, 0x42, 0x01]
        #expect(try TextDecoding.decode(utf16).text == "Ł\nł")
        #expect(try TextDecoding.decode([0xA3, 0x0D, 0x0A, 0xB3, 0x0D, 0x0A]).text == "Ł\nł\n")
    }

    @Test func aLoneCarriageReturnIsKept() throws {
        #expect(try TextDecoding.decode(Array("a\rb\r".utf8)).text == "a\rb\r")
        let (text, _) = try decodeInChunks(Array("a\r".utf8) + Array("\nb".utf8), size: 2)
        #expect(text == "a\nb")
    }

    @Test func labelsAsToolsWriteThem() {
        #expect(TextEncoding(label: "CP1250") == .windows1250)
        #expect(TextEncoding(label: "windows-1250") == .windows1250)
        #expect(TextEncoding(label: "ISO_8859-2") == .iso8859_2)
        #expect(TextEncoding(label: "latin2") == .iso8859_2)
        #expect(TextEncoding(label: "UTF8") == .utf8)
        #expect(TextEncoding(label: "utf-16be") == .utf16BigEndian)
        #expect(TextEncoding(label: "ebcdic") == nil)
        for encoding in TextEncoding.allCases { #expect(TextEncoding(label: encoding.rawValue) == encoding) }
    }
}
