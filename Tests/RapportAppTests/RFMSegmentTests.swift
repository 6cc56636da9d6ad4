import Foundation
import RapportApp
import RapportCore
import RapportSegments
import RapportStore
import RapportTestSupport
import RapportValue
import Testing

@Suite("RFM segments stored at every refit and usable in rules (R3.3, R3.2)")
struct RFMSegmentTests {
    @Test("R3.3 the schema's RFM segment names are the engine's")
    func namesMatchTheEngine() {
        #expect(SegmentSchema.rfmSegments == RFMScoring.Segment.allCases.map(\.rawValue))
    }

    @Test("R3.3 a refit stores every buyer's RFM segment, and rfm_segment selects by the main currency's")
    func refitStoresScoresForRules() async throws {
        try await withDemoStore(people: 300) { store in
            var refit = ValueRefit(store: store)
            refit.rfmBins = 5
            let outcomes = try await refit.run()
            let totals = try await CustomerTotals.read(from: store.database)
            for outcome in outcomes {
                let buyers = totals[outcome.currency]?.filter { $0.revenueMinor > 0 }.count ?? 0
                #expect(outcome.rfmScored == buyers, "\(outcome.currency)")
            }
            let stored = try await store.database.sql.raw(
                """
                SELECT r.segment, COUNT(*) AS n FROM rfm_scores r JOIN customer_metrics m
                  ON m.person_id = r.person_id AND m.currency = r.currency
                  JOIN people p ON p.id = r.person_id AND p.status = 'active' GROUP BY r.segment
                """
            ).all()
            var expected: [String: Int] = [:]
            for row in stored {
                expected[try row.decode(column: "segment", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            #expect(!expected.isEmpty)
            // A contact count leaves out the people who may not be contacted (ContactGate).
            for (segment, count) in expected {
                let rule = try SegmentRuleRejection.parse("rfm_segment = \"\(segment)\"")
                #expect(try await store.segments.count(rule, purpose: .contact, by: .system) == count, "\(segment)")
            }
            await #expect(throws: (any Error).self) {
                _ = try await store.segments.count(
                    try SegmentRuleRejection.parse(#"rfm_segment = "Sleepy""#), purpose: .contact, by: .system)
            }
        }
    }
}
