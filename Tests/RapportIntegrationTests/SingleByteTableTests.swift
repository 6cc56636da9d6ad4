import Testing

@testable import RapportIntegration

/// The two single-byte tables, byte for byte, against the expected characters as Python's
/// `cp1250` and `iso8859_2` codecs decode bytes 0x80…0xFF (U+FFFD marks undefined bytes).
@Suite("Windows-1250 and ISO-8859-2 tables")
struct SingleByteTableTests {
    static let windows1250 = "€\u{FFFD}‚\u{FFFD}„…†‡\u{FFFD}‰Š‹ŚŤŽŹ\u{FFFD}‘’“”•–—\u{FFFD}™š›śťžź\u{A0}ˇ˘Ł¤Ą¦§¨©Ş«¬\u{AD}®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"
    static let iso8859_2 = "\u{80}\u{81}\u{82}\u{83}\u{84}\u{85}\u{86}\u{87}\u{88}\u{89}\u{8A}\u{8B}\u{8C}\u{8D}\u{8E}\u{8F}\u{90}\u{91}\u{92}\u{93}\u{94}\u{95}\u{96}\u{97}\u{98}\u{99}\u{9A}\u{9B}\u{9C}\u{9D}\u{9E}\u{9F}\u{A0}Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u{AD}ŽŻ°ą˛ł´ľśˇ¸šşťź˝žżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"

    @Test(arguments: [(TextEncoding.windows1250, windows1250), (.iso8859_2, iso8859_2)])
    func everyUpperByteDecodesAsPythonDoes(encoding: TextEncoding, expected: String) throws {
        let expectedScalars = Array(expected.unicodeScalars)
        #expect(expectedScalars.count == 128)
        for byte in UInt8(0x80)...UInt8(0xFF) {
            let want = expectedScalars[Int(byte) - 0x80]
            do {
                let decoded = try TextDecoding.decode([byte], encoding: encoding).text
                #expect(Array(decoded.unicodeScalars) == [want], "byte \(byte) in \(encoding)")
            } catch {
                #expect(want == "\u{FFFD}", "byte \(byte) in \(encoding) threw \(error)")
                #expect(error == .undefinedByte(offset: 0, byte: byte, encoding: encoding))
            }
        }
    }

    @Test func theTablesDifferOnlyWhereTheyShould() {
        // 0x80–0x9F and the A0–BF bytes; from 0xC0 up the two tables agree.
        let differing = (0x80...0xFF).filter { EncodingDetection.differs[$0] }
        #expect(differing.allSatisfy { $0 < 0xC0 })
        for polish in [0xA3, 0xAF, 0xB3, 0xBF, 0xC6, 0xCA, 0xD1, 0xD3, 0xE6, 0xEA, 0xF1, 0xF3] {
            #expect(!EncodingDetection.differs[polish], "Ł Ż ł ż Ć Ę Ń Ó ć ę ń ó share byte \(polish)")
        }
        for polish in [0xA5, 0xB9, 0x8C, 0x9C, 0x8F, 0x9F, 0xA1, 0xB1, 0xA6, 0xB6, 0xAC, 0xBC] {
            #expect(EncodingDetection.differs[polish], "Ą ą Ś ś Ź ź differ at byte \(polish)")
        }
    }
}
