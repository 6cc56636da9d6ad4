@testable import RapportIdentity
import Testing

/// How a large block is enumerated: a sorted neighbourhood whose farther neighbours must agree
/// on the key's secondary field.
@Suite("Large-block enumeration")
struct BlockWindowTests {
    static let givenNames = ["Anna", "Maria", "Piotr", "Tomasz", "Zofia"]

    /// Forty Kowalskis born in 1980 on forty different days: one block of the surname/birth-year
    /// key (windowed, secondary the given name's code), eight per given name. No other key
    /// joins rows of different given names.
    static func records() -> [PersonRecord] {
        (0..<40).map { row in
            let day = row % 28 + 1
            let month = row / 28 + 1
            return PersonRecord(
                id: "r\(row)",
                [
                    .givenName: givenNames[row % givenNames.count], .surname: "Kowalski",
                    .dateOfBirth: "1980-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)",
                ])
        }
    }

    static func pairs(_ configuration: LinkageConfiguration) -> [(String, String)] {
        let table = LinkageTable(records: records(), normaliser: configuration.normaliser)
        return BlockIndex(table: table, configuration: configuration).candidatePairs(table: table).map {
            let (a, b) = (Int($0.a) % givenNames.count, Int($0.b) % givenNames.count)
            return (givenNames[a], givenNames[b])
        }
    }

    @Test("far neighbours are compared only when they agree on the secondary; near ones always")
    func farNeighboursNeedTheSecondary() {
        let pairs = Self.pairs(LinkageConfiguration())
        let same = pairs.filter { $0.0 == $0.1 }.count
        let across = pairs.count - same
        // Every pair of one given name (5 × 28), and across the four boundaries between the
        // given-name runs only the pairs at most two apart (1 + 2 each).
        #expect(same == 5 * 28)
        #expect(across == 4 * 3)
    }

    @Test("a cross window as wide as the window compares every neighbour in it, as before")
    func fullCrossWindowKeepsTheWholeWindow() {
        var configuration = LinkageConfiguration()
        configuration.blockCrossWindow = configuration.blockWindow
        let pairs = Self.pairs(configuration)
        #expect(pairs.filter { $0.0 == $0.1 }.count == 5 * 28)
        // Across each boundary every pair at most eight apart: 1 + 2 + … + 8.
        #expect(pairs.count - pairs.filter { $0.0 == $0.1 }.count == 4 * 36)
    }
}
