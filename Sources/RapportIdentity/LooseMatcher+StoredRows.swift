extension LooseMatcher {
    /// The stored blocking keys (``storedBlockingKeys(_:)``) of many stored matching rows
    /// (`NormalisedPerson.storedFields`), one array per row in the rows' order, computed on
    /// all cores.
    ///
    /// The keys depend on the compared fields only, so a row read back from a store gives
    /// the same keys as the person it was made from: a store can fill its blocking index
    /// from its matching rows alone (after a bulk load) without normalising anyone again.
    public static func storedBlockingKeys(storedFields rows: [String]) -> [[Int64]] {
        ParallelChunks.concatenate(
            ParallelChunks.map(count: rows.count, minimumChunk: 512) { range in
                range.map { storedBlockingKeys(NormalisedPerson(fields: NormalisedPerson.fields(stored: rows[$0]))) }
            })
    }
}
