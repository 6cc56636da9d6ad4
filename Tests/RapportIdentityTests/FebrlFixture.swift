import Foundation
import RapportIdentity
import RapportIntegration
import Testing

/// Loads a FEBRL data set and its true clusters (transitive closure of the true pairs file)
/// from the test bundle.
struct FebrlFixture {
    let table: LinkageTable
    let trueClusters: [Int]

    init(number: Int) throws {
        let data = try #require(
            Bundle.module.path(
                forResource: "febrl_dataset\(number)", ofType: "csv", inDirectory: "Fixtures"))
        let pairs = try #require(
            Bundle.module.path(
                forResource: "febrl\(number)_true_pairs", ofType: "csv", inDirectory: "Fixtures"))
        table = try FileDeduplication().readTable(input: data)
        var row: [String: Int] = [:]
        for (index, id) in table.recordIDs.enumerated() { row[id] = index }
        var parent = Array(0..<table.count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { x = parent[x] }
            return x
        }
        let reader = try CSVReader(path: pairs)
        _ = try reader.nextRow()
        while let pair = try reader.nextRow() {
            let a = try #require(row[pair[0]])
            let b = try #require(row[pair[1]])
            parent[root(a)] = root(b)
        }
        trueClusters = (0..<table.count).map(root)
    }
}
