import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Event stream: NDJSON through the ingestion pipeline (R1.2)")
struct EventStreamAPITests {
    @Test func eachLineIsIngestedWithItsOwnOutcomeAndBadLinesAreQuarantinedByLineNumber() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "events-test")
            let body = """
                {"givenName":"Łukasz","familyName":"Żółć","email":"lz@example.pl"}
                {"email":"LZ@example.pl"}

                {"givenName":
                {"givenName":"Anna","shoeSize":44}\r
                {"familyName":"Nowak","email":"an@example.pl"}
                """
            var headers = fixture.headers()
            headers[.contentType] = "application/x-ndjson"
            let json = try await client.execute(
                uri: "/api/v1/touchpoints/\(tp)/events", method: .post, headers: headers, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
                return try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
            }
            #expect(json["lines"] as? Int == 5)
            #expect(json["created"] as? Int == 2)
            #expect(json["matched"] as? Int == 1)
            #expect(json["quarantined"] as? Int == 2)
            #expect(json["quarantinedLines"] as? [Int] == [4, 5])
            let results = try #require(json["results"] as? [[String: Any]])
            #expect(results.map { $0["line"] as? Int } == [1, 2, 4, 5, 6])
            let second = try #require(results[1]["result"] as? [String: Any])
            #expect(second["personID"] as? String == (results[0]["result"] as? [String: Any])?["personID"] as? String)
            let unknown = try #require(results[3]["result"] as? [String: Any])
            #expect(fields(unknown, key: "reasons") == ["shoeSize"])
            let stream = try #require(json["stream"] as? String)
            let kept = try await fixture.store.database.sql.raw(
                "SELECT payload FROM raw_records WHERE lineage = \(bind: "\(stream) line 4")"
            ).first()
            #expect(try kept?.decode(column: "payload", as: String.self) == #"{"givenName":"#)
        }
    }

    @Test func aStreamOfMoreThanAThousandLinesAnswersWithTheSummaryAndTheQuarantinedLines() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "events-long")
            let body = (1...1001).map { $0 == 500 ? "not json" : #"{"externalID":"c\#($0 % 10)","familyName":"Lis"}"# }
                .joined(separator: "\n")
            let json = try await client.execute(
                uri: "/api/v1/touchpoints/\(tp)/events", method: .post, headers: fixture.headers(), body: ByteBuffer(string: body)
            ) { response in
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
            }
            #expect(json["lines"] as? Int == 1001)
            #expect(json["created"] as? Int == 10)
            #expect(json["matched"] as? Int == 990)
            #expect(json["quarantinedLines"] as? [Int] == [500])
            #expect(json["results"] == nil)
        }
    }
}
