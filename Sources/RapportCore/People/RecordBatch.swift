/// A batch of new records of every kind, in the order they may reference each other, for
/// bulk loading (demo data, benchmarks, imports).
public struct RecordBatch: Sendable {
    public var sources: [Touchpoint] = []
    public var households: [Household] = []
    public var users: [User] = []
    public var organisations: [Organisation] = []
    public var people: [Person] = []
    public var memberships: [Membership] = []
    public var contactPoints: [ContactPoint] = []
    public var rawRecords: [RawRecord] = []
    public var purchases: [Purchase] = []
    public var interactions: [Interaction] = []

    public init() {}

    /// How many records the batch holds in all.
    public var count: Int {
        sources.count + households.count + users.count + organisations.count + people.count + memberships.count
            + contactPoints.count + rawRecords.count + purchases.count + purchases.reduce(0) { $0 + $1.lines.count }
            + interactions.count
    }
}
