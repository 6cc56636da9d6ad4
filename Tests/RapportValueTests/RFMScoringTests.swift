import Testing

@testable import RapportValue

@Suite("RFM scoring")
struct RFMScoringTests {
    static let customers: [RFMScoring.Input] = (1...10).map { (i: Int) -> RFMScoring.Input in
        let n = Double(i)
        return RFMScoring.Input(id: "c\(i)", recency: 100 - 10 * n, frequency: n, monetary: 10 * n)
    }

    @Test("R3.3 quintiles give two customers per score; the best get 555 and are Champions")
    func quintiles() throws {
        let scores = try RFMScoring.score(Self.customers)
        #expect(scores.map(\.recency) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(scores.map(\.frequency) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(scores.last?.code == "555")
        #expect(scores.last?.segment == .champions)
        #expect(scores.first?.segment == .hibernating)
    }

    @Test("R3.3 ties share a score whatever the input order")
    func tiesAreDeterministic() throws {
        let values = [3.0, 1, 1, 1, 2, 3, 5, 1]
        let scores = RFMScoring.quantileScores(values, bins: 4)
        #expect(scores == [3, 1, 1, 1, 3, 3, 4, 1])
        let input = values.enumerated().map { RFMScoring.Input(id: "\($0)", recency: 0, frequency: $1, monetary: 0) }
        let forward = try RFMScoring.score(input, bins: 4)
        let backward = try RFMScoring.score(input.reversed(), bins: 4)
        #expect(
            Dictionary(uniqueKeysWithValues: forward.map { ($0.id, $0.frequency) })
                == Dictionary(uniqueKeysWithValues: backward.map { ($0.id, $0.frequency) }))
    }

    @Test("R3.3 the standard segments on the R × F grid")
    func segments() {
        #expect(RFMScoring.Segment(recency: 5, frequency: 5) == .champions)
        #expect(RFMScoring.Segment(recency: 4, frequency: 4) == .loyal)
        #expect(RFMScoring.Segment(recency: 1, frequency: 3) == .atRisk)
        #expect(RFMScoring.Segment(recency: 2, frequency: 5) == .cannotLose)
        #expect(RFMScoring.Segment(recency: 5, frequency: 1) == .newCustomers)
        #expect(RFMScoring.Segment(recency: 3, frequency: 3) == .needAttention)
        #expect(RFMScoring.Segment(recency: 1, frequency: 1) == .hibernating)
    }

    @Test("bad RFM input is rejected")
    func badInput() {
        #expect(throws: ValueModelError.self) { try RFMScoring.score(Self.customers, bins: 1) }
        let nan = [RFMScoring.Input(id: "x", recency: .nan, frequency: 1, monetary: 1)]
        #expect(throws: ValueModelError.nonFinite(field: "recency", customer: "x")) { try RFMScoring.score(nan) }
    }
}
