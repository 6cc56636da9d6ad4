import RapportIdentity
import Testing

@Suite("Comparators")
struct ComparatorTests {
    @Test("Jaro-Winkler matches published values")
    func jaroWinklerKnownValues() {
        #expect(abs(JaroWinkler.similarity("MARTHA", "MARHTA") - 0.9611) < 0.0001)
        #expect(abs(JaroWinkler.similarity("DWAYNE", "DUANE") - 0.8400) < 0.0001)
        #expect(abs(JaroWinkler.similarity("DIXON", "DICKSONX") - 0.8133) < 0.0001)
        #expect(JaroWinkler.similarity("abc", "abc") == 1)
        #expect(JaroWinkler.similarity("", "abc") == 0)
        #expect(JaroWinkler.similarity("abc", "xyz") == 0)
    }

    @Test("edit distance counts adjacent transpositions as one edit")
    func editDistance() {
        #expect(EditDistance.distance("19800512", "19800521") == 1)
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("02134", "02134") == 0)
    }

    @Test("NYSIIS gives spelling variants one code")
    func nysiis() {
        #expect(Nysiis.code("Katherine") == Nysiis.code("Catherine"))
        #expect(Nysiis.code("Łukasz") == Nysiis.code("Lukasz"))
        #expect(Nysiis.code("Knight") == Nysiis.code("Night"))
        #expect(Nysiis.code("Smith") != Nysiis.code("Jones"))
        #expect(Nysiis.code("") == "")
    }

    @Test("pairwise score counts pairs inside clusters")
    func pairwiseScore() {
        let score = PairwiseScore(predicted: [0, 0, 0, 3], truth: [0, 0, 2, 2])
        #expect(score.truePositives == 1)
        #expect(score.predictedPairs == 3)
        #expect(score.truePairs == 2)
        #expect(abs(score.f1 - 0.4) < 1e-9)
    }
}
