import RapportIdentity
import Testing

/// Incremental resolution against a population stored elsewhere: stored blocking keys, term
/// frequencies kept with the model, and the `LooseMatcher` decisions.
@Suite("Loose matching against a stored population")
struct LooseMatcherTests {
    @Test("stored blocking keys depend on the values only, not on the table")
    func storedKeysAreStable() {
        let records = HardPeopleGenerator(seed: 3).generate(count: 50).records
        let normaliser = PersonNormaliser()
        let alone = records.map { LooseMatcher.storedBlockingKeys(normaliser.normalise($0)) }
        let reversed = records.reversed().map { LooseMatcher.storedBlockingKeys(normaliser.normalise($0)) }
        #expect(alone == Array(reversed.reversed()))
        #expect(alone.allSatisfy { !$0.isEmpty && !$0.contains(0) })
        let stored = normaliser.normalise(records[0])
        let reread = NormalisedPerson(fields: NormalisedPerson.fields(stored: stored.storedFields))
        #expect(reread.fields == stored.fields)
        #expect(LooseMatcher.storedBlockingKeys(reread) == alone[0])
    }

    @Test("the keys of many people computed in one table are each person's own keys, in order")
    func peopleInOneTableGetTheirOwnKeys() {
        let records = HardPeopleGenerator(seed: 9).generate(count: 3_000).records
        let people = records.map(PersonNormaliser().normalise)
        let keys = LooseMatcher.storedBlockingKeys(people)
        #expect(keys.count == people.count)
        #expect(keys == people.map { LooseMatcher.storedBlockingKeys($0) })
        #expect(Set(keys.map { Set($0) }).count > 2_000)
        #expect(LooseMatcher.storedBlockingKeys([NormalisedPerson]()).isEmpty)
    }

    @Test("a stored row is read back field by field, padded when short and cut when long")
    func storedFieldsAreReadBack() {
        let count = ComparedField.allCases.count
        let separator = "\u{1F}"
        #expect(NormalisedPerson.fields(stored: "") == Array(repeating: "", count: count))
        let short = NormalisedPerson.fields(stored: ["zoë", "", "wiśniewska"].joined(separator: separator))
        #expect(short == ["zoë", "", "wiśniewska"] + Array(repeating: "", count: count - 3))
        let values = (0..<count).map { "v\($0)ł" }
        #expect(NormalisedPerson.fields(stored: (values + ["extra"]).joined(separator: separator)) == values)
        #expect(NormalisedPerson.fields(stored: values.joined(separator: separator) + separator) == values)
    }

    @Test("stored term frequencies score a batch exactly as the table's own counts")
    func storedFrequenciesKeepWeights() {
        let records = HardPeopleGenerator(seed: 11).generate(count: 3_000).records
        let table = LinkageTable(records: records)
        let linkage = RecordLinkage()
        let batch = linkage.run(table: table)
        let frequencies = TermFrequencies(table: table, model: batch.model)
        let rescored = linkage.run(table: table, model: batch.model, termFrequencies: frequencies)
        #expect(rescored.clusterIDs == batch.clusterIDs)
        #expect(rescored.matches.map(\.weight) == batch.matches.map(\.weight))
        #expect(rescored.reviews.count == batch.reviews.count)
        let kept = frequencies.values.values.reduce(0) { $0 + $1.count }
        #expect(kept > 0 && kept < table.count, "only values above the floor are kept: \(kept)")
    }

    @Test("held-out records are resolved against stored rows as well as in memory")
    func heldOutRecords() {
        let data = HardPeopleGenerator(seed: 5).generate(count: 6_000)
        let known = 5_700
        let batch = RecordLinkage().run(Array(data.records[..<known]))
        let frequencies = TermFrequencies(table: batch.table, model: batch.model)
        let matcher = LooseMatcher(model: batch.model, termFrequencies: frequencies, configuration: LinkageConfiguration())
        let normaliser = PersonNormaliser()
        // The "store": one row per known record and its stored blocking keys.
        var rows: [LooseMatcher.Candidate] = []
        var postings: [Int64: [Int]] = [:]
        for (row, record) in data.records[..<known].enumerated() {
            let person = normaliser.normalise(record)
            rows.append(LooseMatcher.Candidate(id: String(row), fields: person.fields))
            for key in LooseMatcher.storedBlockingKeys(person) { postings[key, default: []].append(row) }
        }
        var correct = 0
        for row in known..<data.records.count {
            let person = normaliser.normalise(data.records[row])
            var found = Set<Int>()
            for key in LooseMatcher.storedBlockingKeys(person) {
                guard let members = postings[key], members.count <= matcher.configuration.maxBlockSize else { continue }
                found.formUnion(members)
            }
            let truth = data.trueClusters[row]
            switch matcher.resolve(person, recordID: "new", candidates: found.sorted().map { rows[$0] }) {
            case .match(let proposal):
                #expect(proposal.explanation.probability >= matcher.configuration.matchThreshold)
                #expect(proposal.explanation.recordB == "new")
                if data.trueClusters[Int(proposal.candidateID)!] == truth { correct += 1 }
            case .review(let proposals):
                #expect(proposals.allSatisfy { $0.explanation.probability >= matcher.configuration.reviewThreshold })
                if !data.trueClusters[..<known].contains(truth) { correct += 1 }
            case .new:
                if !data.trueClusters[..<known].contains(truth) { correct += 1 }
            }
        }
        let decisions = data.records.count - known
        #expect(Double(correct) / Double(decisions) >= 0.95, "\(correct) of \(decisions)")
    }

    @Test("the standard model separates a typo from a relative")
    func standardModel() {
        let (model, frequencies) = StandardMatchModel.fitted
        let matcher = LooseMatcher(model: model, termFrequencies: frequencies, configuration: LinkageConfiguration())
        let normaliser = PersonNormaliser()
        func person(_ given: String, _ birth: String) -> NormalisedPerson {
            normaliser.normalise(
                PersonRecord(
                    id: given,
                    [.givenName: given, .surname: "Wiśniewska", .dateOfBirth: birth, .address1: "ul. Długa 15",
                     .city: "Gdańsk", .postcode: "80-827", .country: "PL"]))
        }
        let stored = [LooseMatcher.Candidate(id: "k", fields: person("Katarzyna", "1984-03-12").fields)]
        guard case .match(let proposal) = matcher.resolve(person("Katarzyan", "1984-03-12"), recordID: "r", candidates: stored)
        else {
            Issue.record("a typo with the same birth date and address is the same person")
            return
        }
        #expect(proposal.candidateID == "k")
        #expect(matcher.resolve(person("Halina", "1958-07-02"), recordID: "m", candidates: stored) == .new)
    }
}
