import RapportIdentity
import Testing

/// FEBRL 1–3 with the default, unsupervised configuration: pairwise F1 must reach 0.99.
@Suite("FEBRL benchmark")
struct FebrlTests {
    @Test("pairwise F1 >= 0.99 with the default configuration", arguments: [1, 2, 3])
    func pairwiseF1(dataset: Int) throws {
        let fixture = try FebrlFixture(number: dataset)
        let result = RecordLinkage().run(table: fixture.table)
        let score = PairwiseScore(predicted: result.clusterIDs, truth: fixture.trueClusters)
        #expect(score.f1 >= 0.99, "FEBRL\(dataset): \(score)")
    }

    @Test("explanations add up to the decision")
    func explanationsAreConsistent() throws {
        let fixture = try FebrlFixture(number: 1)
        let result = RecordLinkage().run(table: fixture.table)
        let pair = try #require(result.matches.first)
        let explanation = result.explain(pair)
        let sum = explanation.priorWeight + explanation.fields.reduce(0) { $0 + $1.weight }
        #expect(abs(sum - explanation.totalWeight) < 1e-9)
        #expect(abs(explanation.totalWeight - pair.weight) < 1e-9)
        #expect(explanation.probability >= LinkageConfiguration().matchThreshold)
        #expect(explanation.fields.contains { $0.field == .surname && $0.level > 0 })
    }
}
