@testable import RapportIdentity
import RapportLocales
import Testing

/// The faster paths of batch comparison must decide exactly as the plain ones.
@Suite("Fast comparison paths")
struct ComparisonSpeedTests {
    /// Names, typos, transpositions, repeated letters, e-mails and streets, plus every pair of
    /// them both ways round.
    static let words = [
        "martha", "marhta", "dwayne", "duane", "dixon", "dicksonx", "jan", "jna", "anna", "ana", "hanna",
        "kowalski", "kowalsky", "kowlaski", "nowak", "nowakowski", "wijaya", "widjaja", "a", "ab", "ba", "aaaa",
        "abababab", "babababa", "jl sudirman", "jl soedirman", "ul marszalkowska", "maple st", "mapel st",
        "anna.nowak@gmail.com", "nowak.anna@onet.pl", "x", "xyz", "zyx", "catherine", "katherine", "kathryn",
        "łukasz", "lukasz", "żółć", "zolc", String(repeating: "ab", count: 32), String(repeating: "ba", count: 32),
    ]

    @Test("bit-parallel Jaro equals the flag-buffer Jaro on a table of cases")
    func shortJaroIsIdentical() {
        for a in Self.words {
            for b in Self.words {
                Array(a.utf8).withUnsafeBufferPointer { x in
                    Array(b.utf8).withUnsafeBufferPointer { y in
                        let window = max(0, max(x.count, y.count) / 2 - 1)
                        #expect(
                            JaroWinkler.shortJaro(x, y, window: window) == JaroWinkler.flaggedJaro(x, y, window: window),
                            "\(a) / \(b)")
                    }
                }
            }
        }
    }

    @Test("bit-parallel Jaro equals the flag-buffer Jaro on random strings up to 64 bytes")
    func shortJaroIsIdenticalOnRandomStrings() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let alphabet = Array("abcde".utf8)
            let x = (0..<Int.random(in: 1...64, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let y = (0..<Int.random(in: 1...64, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            x.withUnsafeBufferPointer { a in
                y.withUnsafeBufferPointer { b in
                    let window = max(0, max(a.count, b.count) / 2 - 1)
                    #expect(JaroWinkler.shortJaro(a, b, window: window) == JaroWinkler.flaggedJaro(a, b, window: window))
                }
            }
        }
    }

    @Test("the one-edit and banded edit distances agree with the full one up to their limit")
    func bandedEditDistance() {
        var rng = SeededGenerator(seed: 17)
        let alphabet = Array("0123".utf8)
        for _ in 0..<20_000 {
            let x = (0..<Int.random(in: 1...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            var y = x
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !y.isEmpty: y.remove(at: Int.random(in: 0..<y.count, using: &rng))
                case 1: y.insert(alphabet.randomElement(using: &rng)!, at: Int.random(in: 0...y.count, using: &rng))
                case 2 where y.count > 1: y.swapAt(0, y.count - 1)
                default: if !y.isEmpty { y[Int.random(in: 0..<y.count, using: &rng)] = alphabet[0] }
                }
            }
            x.withUnsafeBufferPointer { a in
                y.withUnsafeBufferPointer { b in
                    let full = EditDistance.distance(a, b, limit: Int.max / 2)
                    for limit in 1...2 {
                        #expect(
                            min(EditDistance.distance(a, b, limit: limit), limit + 1) == min(full, limit + 1),
                            "\(x) \(y) limit \(limit)")
                    }
                }
            }
        }
    }

    @Test("strings longer than 64 bytes still compare")
    func longStrings() {
        let long = String(repeating: "kowalski", count: 10)
        #expect(JaroWinkler.similarity(long, long + "x") > 0.99)
        #expect(JaroWinkler.similarity(long, String(long.reversed())) < 1)
    }

    @Test("comparison with a level memo gives the same vectors as without")
    func memoisedComparisonIsIdentical() {
        let data = HardPeopleGenerator(seed: 5).generate(count: 3_000)
        let table = LinkageTable(records: data.records)
        // A tiny memo collides constantly, which must only cost time, never change a level.
        for memo in [LevelMemo(), LevelMemo(log2Capacity: 4)] {
            var rng = SeededGenerator(seed: 3)
            var differing = 0
            table.withStorage { s in
                for _ in 0..<30_000 {
                    let i = Int.random(in: 0..<table.count, using: &rng)
                    let j = Int.random(in: 0..<table.count, using: &rng)
                    if PairComparator.compare(s, i, j, memo: memo) != PairComparator.compare(s, i, j) { differing += 1 }
                }
                // Rows of one true person compare many equal and near-equal values.
                for i in 0..<(table.count - 1) where data.trueClusters[i] == data.trueClusters[i + 1] {
                    if PairComparator.compare(s, i, i + 1, memo: memo) != PairComparator.compare(s, i, i + 1) {
                        differing += 1
                    }
                }
            }
            #expect(differing == 0)
        }
    }

    @Test("concatenated chunks keep their order")
    func concatenation() {
        #expect(ParallelChunks.concatenate([[1, 2], [], [3], [4, 5, 6]]) == [1, 2, 3, 4, 5, 6])
        #expect(ParallelChunks.concatenate([[Int]]()) == [])
    }

    @Test("the byte-level date reading answers as CalendarDate.parse does")
    func plainDates() {
        let dates = [
            "19800512", "1980-05-12", "1980/05/12", "1980.05.12", "12.05.1980", "05/12/1980", "12-05-1980",
            "25/12/1980", "12/25/1980", "31/02/1980", "29/02/1980", "29/02/1981", "00/00/0000", "13/13/1980",
            "1980-13-01", "19801301", "17991231", "21010101", "1980-05.12", "12.05-1980", "12/05/0999", "ab/cd/efgh",
            "2000/02/29", "1900-02-29",
        ]
        for raw in dates {
            for country in [Country.us, .pl, .id, nil] {
                let parsed = try? CalendarDate.parse(raw, country: country).compact
                let plain = PersonNormaliser.plainDate(raw, country: country)
                // The fast reading may decline (nil) but never disagree.
                #expect(plain == nil || plain == parsed, "\(raw) \(String(describing: country))")
                if raw.count == 10 || raw.allSatisfy(\.isNumber) { #expect(plain == parsed, "\(raw)") }
            }
        }
    }

    @Test("the byte-level e-mail check answers as the general normalisation does")
    func plainEmails() {
        let addresses = [
            "Anna.Nowak@Gmail.com", "a@b.c", "a@b", "a@b.", "a@.b", "a@b..c", "@b.c", "a@@b.c", "a b@c.d", "a,b@c.d",
            "a;b@c.d", "a@b@c.d", "x\ty@z.pl", "ÅSA@x.se", "abc", "", "JOHN_SMITH+news@example.co.uk", "a@b.c.",
        ]
        for raw in addresses {
            // A leading space keeps the fast path out, and is trimmed by the general one.
            let general = try? EmailAddress.normalise(" " + raw, rule: .plain)
            let fast = EmailAddress.validASCII(raw)
            #expect(fast == nil || fast == general, "\(raw)")
            #expect((try? EmailAddress.normalise(raw, rule: .plain)) == general, "\(raw)")
        }
        #expect(EmailAddress.validASCII("Anna.Nowak@Gmail.com") == "anna.nowak@gmail.com")
    }

    @Test("house numbers split out of ASCII street keys as before")
    func splitNumber() {
        #expect(PersonNormaliser.splitNumber("maple st 12").map { [$0.street, $0.number] } == ["maple st", "12"])
        #expect(PersonNormaliser.splitNumber("12a ul lakowa").map { [$0.street, $0.number] } == ["ul lakowa", "12a"])
        #expect(PersonNormaliser.splitNumber("jl sudirman") == nil)
        #expect(PersonNormaliser.splitNumber("") == nil)
    }

    @Test("the street match key alone equals the standardised one")
    func streetMatchKey() {
        let lines = [
            "123 maple STREET", "ULICA Marszałkowska 10", "aleja Jana Pawła ii 5", "jalan sudirman no 12",
            "Gang Mawar 3", "ul. Łąkowa 3", "  , ", "", "12, Lincoln   avenue",
        ]
        for line in lines {
            for country in [Country.us, .pl, .id, nil] {
                #expect(
                    AddressStandardiser.matchKey(line, country: country)
                        == AddressStandardiser.standardise(line, country: country).matchKey, "\(line)")
            }
        }
    }
}
