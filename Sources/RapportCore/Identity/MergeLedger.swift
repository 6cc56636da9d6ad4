/// Exactly what a merge changed, so an unmerge can undo that and nothing else.
///
/// Rows are named per table by the columns that identify them within a person (an ID, or
/// for composite keys such as memberships the organisation and role), in the order of
/// the table's key. A row of the absorbed person that would duplicate one of the
/// survivor's (same contact kind and normalised value, same organisation and role, same
/// attribute, same frozen segment) does not move: it stays with the absorbed person, is
/// listed under ``kept`` and comes back with them unchanged.
public struct MergeLedger: Codable, Sendable, Equatable {
    /// Row keys that moved to the survivor, per table.
    public var moved: [String: [[String]]]
    /// Row keys the absorbed person kept because the survivor had the same row, per table.
    public var kept: [String: [[String]]]
    /// The survivor's empty profile fields (column names) filled from the absorbed person.
    public var filledFields: [String]
    /// The absorbed person's status before the merge, given back on unmerge.
    public var absorbedStatus: PersonStatus
    /// Open clerical reviews involving the absorbed person that the merge made obsolete.
    public var obsoleteReviews: [String]

    public init(
        moved: [String: [[String]]] = [:], kept: [String: [[String]]] = [:], filledFields: [String] = [],
        absorbedStatus: PersonStatus, obsoleteReviews: [String] = []
    ) {
        self.moved = moved
        self.kept = kept
        self.filledFields = filledFields
        self.absorbedStatus = absorbedStatus
        self.obsoleteReviews = obsoleteReviews
    }

    /// How many rows moved, over all tables.
    public var movedCount: Int { moved.values.reduce(0) { $0 + $1.count } }

    /// How many rows stayed with the absorbed person as duplicates.
    public var keptCount: Int { kept.values.reduce(0) { $0 + $1.count } }
}
