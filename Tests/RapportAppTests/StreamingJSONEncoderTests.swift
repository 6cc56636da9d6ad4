import Foundation
import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The one-pass encoder must say exactly what Foundation's `JSONEncoder` (configured as
/// the API's) says, up to key order and number spelling: compared as parsed JSON.
@Suite("Streaming JSON encoder")
struct StreamingJSONEncoderTests {
    struct Sample: Encodable {
        struct Inner: Encodable {
            var label: String
            var values: [Double]
        }
        var text = "Łukasz \"Żółć\" \\ / tab\tnew\nline \u{01} end"
        var missing: String? = nil
        var present: Int? = 7
        var big: Int64 = .max
        var small: Int64 = .min
        var flag = true
        var when = Date(timeIntervalSince1970: 1_700_000_000.123)
        var numbers: [Double] = [0.1, 2.0, -3.5e-7, 1e21]
        var nested: [Inner] = [Inner(label: "a", values: []), Inner(label: "b", values: [1])]
        var empty: [String: Int] = [:]
        var map = ["z": 1, "a": 2]
        var matrix: [[Int]] = [[1, 2], [], [3]]
    }

    func parsed(_ bytes: [UInt8]) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? NSObject)
    }

    @Test func sayTheSameAsJSONEncoder() throws {
        let streamed = try StreamingJSONEncoder.encode(Sample())
        let reference = Array(try JSONCoding.encoder.encode(Sample()))
        #expect(try parsed(streamed) == parsed(reference))
        let text = String(decoding: streamed, as: UTF8.self)
        #expect(!text.contains("missing"))
        #expect(text.contains("\"when\":\"2023-11-14T22:13:20.123Z\""))
    }

    @Test func notANumberIsAnError() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode([Double.nan]) }
    }

    @Test func anErrorNamesThePathOfTheBadValue() throws {
        struct Outer: Encodable { var inner: Sample.Inner }
        do {
            _ = try StreamingJSONEncoder.encode(Outer(inner: .init(label: "x", values: [1, .infinity])))
            Issue.record("infinity was encoded")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["inner", "values"])
        }
    }

    /// Escapes at the start, the end and side by side, between runs copied whole.
    @Test func stringsAreEscapedExactlyAroundRunsCopiedWhole() throws {
        let cases: [(String, String)] = [
            ("", #""""#), ("plain", #""plain""#), ("\"edge\"", #""\"edge\"""#), ("\\\n\t\r", #""\\\n\t\r""#),
            ("a\u{1F}b\u{00}", #""a\u001fb\u0000""#), ("zażółć / 東京 🙂", #""zażółć / 東京 🙂""#),
        ]
        for (text, json) in cases {
            #expect(String(decoding: try StreamingJSONEncoder.encode(text), as: UTF8.self) == json)
        }
    }

    @Test func optionalPrimitivesAreWrittenLikeTheirValues() throws {
        let values: [Date?] = [Date(timeIntervalSince1970: 0), nil]
        let flags: [Bool?] = [true, nil]
        #expect(String(decoding: try StreamingJSONEncoder.encode(values), as: UTF8.self) == #"["1970-01-01T00:00:00.000Z",null]"#)
        #expect(String(decoding: try StreamingJSONEncoder.encode(flags), as: UTF8.self) == "[true,null]")
        #expect(String(decoding: try StreamingJSONEncoder.encode(["k": 3 as Int64?]), as: UTF8.self) == #"{"k":3}"#)
    }

    @Test func aCustomerViewEncodesAlike() async throws {
        try await withDemoStore(people: 80) { store in
            let id = try #require(
                try await store.database.readFirst(
                    "SELECT person_id FROM purchases WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY COUNT(*) DESC LIMIT 1", []))
                .decode(column: "person_id", as: String.self)
            let view = try await store.customers.view(of: PersonID(rawValue: id), by: TestActors.admin)
            #expect(try parsed(StreamingJSONEncoder.encode(view)) == parsed(Array(JSONCoding.encoder.encode(view))))
        }
    }
}
