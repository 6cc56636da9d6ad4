import RapportIdentity
import Testing

/// Incremental resolution with the model of a batch run.
@Suite("Incremental resolution")
struct PopulationIndexTests {
    @Test("held-out records join their own person, with the batch model")
    func heldOutRecords() {
        let data = HardPeopleGenerator(seed: 5).generate(count: 6_000)
        let known = 5_700
        let batch = RecordLinkage().run(Array(data.records[..<known]))
        var index = PopulationIndex(result: batch)
        var correct = 0
        var decisions = 0
        for row in known..<data.records.count {
            let truth = data.trueClusters[row]
            let knownPerson = data.trueClusters[..<known].contains(truth)
            decisions += 1
            switch index.resolve(data.records[row]) {
            case .match(let cluster, let explanation):
                let member = index.clusterIDs.firstIndex(of: cluster) ?? -1
                if member >= 0 && data.trueClusters[member] == truth { correct += 1 }
                #expect(explanation.probability >= LinkageConfiguration().matchThreshold)
            case .new, .review:
                if !knownPerson { correct += 1 }
            }
        }
        #expect(index.clusterIDs.count == data.records.count)
        #expect(Double(correct) / Double(decisions) >= 0.95, "\(correct) of \(decisions)")
    }
}
