/// Groups accepted pairs into clusters of records of one person.
///
/// Pairs are merged strongest first with union–find. Plain connected components chain
/// (a father and son both linked to one ambiguous record become one person), so a merge is
/// refused when any pair across the two clusters is a known strong non-match
/// (a candidate pair scored below the cannot-link threshold).
struct ClusterBuilder {
    private var parent: [Int32]
    private var size: [Int32]
    private var nextMember: [Int32]
    private var lastMember: [Int32]
    private var cannotLink: [Int32: [Int32]] = [:]

    /// Refused merges.
    private(set) var refusedMerges = 0

    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        size = Array(repeating: 1, count: count)
        nextMember = Array(repeating: -1, count: count)
        lastMember = (0..<Int32(count)).map { $0 }
    }

    /// Registers a pair that must never end up in one cluster.
    mutating func forbid(_ a: Int32, _ b: Int32) {
        cannotLink[a, default: []].append(b)
        cannotLink[b, default: []].append(a)
    }

    mutating func find(_ x: Int32) -> Int32 {
        var root = x
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var node = x
        while parent[Int(node)] != root {
            let next = parent[Int(node)]
            parent[Int(node)] = root
            node = next
        }
        return root
    }

    /// Merges the clusters of `a` and `b` unless a cannot-link pair spans them.
    /// Returns whether they are in one cluster afterwards.
    @discardableResult
    mutating func merge(_ a: Int32, _ b: Int32) -> Bool {
        var ra = find(a)
        var rb = find(b)
        if ra == rb { return true }
        if size[Int(ra)] < size[Int(rb)] { swap(&ra, &rb) }
        if !cannotLink.isEmpty && spansCannotLink(smaller: rb, other: ra) {
            refusedMerges += 1
            return false
        }
        parent[Int(rb)] = ra
        size[Int(ra)] += size[Int(rb)]
        nextMember[Int(lastMember[Int(ra)])] = rb
        lastMember[Int(ra)] = lastMember[Int(rb)]
        return true
    }

    private mutating func spansCannotLink(smaller: Int32, other: Int32) -> Bool {
        var member = smaller
        while member >= 0 {
            if let partners = cannotLink[member] {
                for partner in partners where find(partner) == other { return true }
            }
            member = nextMember[Int(member)]
        }
        return false
    }

    /// Cluster number per row: the smallest row of the cluster.
    mutating func clusterIDs() -> [Int] {
        var smallest = Array(repeating: Int.max, count: parent.count)
        var ids = Array(repeating: 0, count: parent.count)
        for row in 0..<parent.count {
            let root = Int(find(Int32(row)))
            smallest[root] = min(smallest[root], row)
            ids[row] = root
        }
        return ids.map { smallest[$0] }
    }
}
