import RapportIdentity
import Testing

@Suite("Hard generated data")
struct GeneratorTests {
    @Test("the generator is deterministic and knows its clusters")
    func deterministic() {
        let first = HardPeopleGenerator(seed: 7).generate(count: 500)
        let second = HardPeopleGenerator(seed: 7).generate(count: 500)
        #expect(first.records == second.records)
        #expect(first.records.count == 500)
        #expect(first.trueClusters.count == 500)
        #expect(first.peopleCount < 500)
        #expect(first.records.contains { $0[.givenName].contains("ł") || $0[.surname].contains("ł") })
        #expect(HardPeopleGenerator(seed: 8).generate(count: 500).records != first.records)
    }

    @Test("pairwise F1 >= 0.95 at the default threshold on 10,000 hard records")
    func hardDataF1() {
        let data = HardPeopleGenerator(seed: 2024).generate(count: 10_000)
        let result = RecordLinkage().run(data.records)
        let score = PairwiseScore(predicted: result.clusterIDs, truth: data.trueClusters)
        #expect(score.f1 >= 0.95, "\(score)")
    }
}
