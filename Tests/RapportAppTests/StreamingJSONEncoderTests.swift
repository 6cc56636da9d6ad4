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
