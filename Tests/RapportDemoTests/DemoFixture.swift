import RapportCore
import RapportDemo

/// One data set of 6 000 people shared by the read-only tests (made once, about a second
/// in a debug build), and helpers to look at it across batches.
enum DemoFixture {
    static let configuration = DemoConfiguration(people: 6_000, seed: 2026, batchSize: 1_500)
    static let batches: [RecordBatch] = Array(DemoDataset(configuration).batches())

    static var people: [Person] { batches.flatMap(\.people) }
    static var contactPoints: [ContactPoint] { batches.flatMap(\.contactPoints) }
    static var purchases: [Purchase] { batches.flatMap(\.purchases) }
    static var interactions: [Interaction] { batches.flatMap(\.interactions) }
    static var organisations: [Organisation] { batches.flatMap(\.organisations) }
    static var memberships: [Membership] { batches.flatMap(\.memberships) }
    static var households: [Household] { batches.flatMap(\.households) }
}

extension RecordBatch {
    /// Field-by-field equality (the batch type itself is not `Equatable`).
    func sameRecords(as other: RecordBatch) -> Bool {
        sources == other.sources && households == other.households && users == other.users
            && organisations == other.organisations && people == other.people
            && memberships == other.memberships
            && contactPoints == other.contactPoints && rawRecords == other.rawRecords
            && purchases == other.purchases
            && interactions == other.interactions
    }
}

/// The share of `part` in `whole`, in per cent.
func percent(_ part: Int, of whole: Int) -> Double {
    whole == 0 ? 0 : Double(part) * 100 / Double(whole)
}
