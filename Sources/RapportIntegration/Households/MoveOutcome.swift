import RapportCore

/// What a movers-file row means for the people at its old address.
public struct MoveOutcome: Hashable, Sendable, CustomStringConvertible {
    public var status: MoveStatus
    /// One decision per candidate, in person-ID order.
    public var decisions: [MoveDecision]
    /// The households that move as a whole (family moves).
    public var households: [HouseholdID]
    /// The row decided on.
    public var record: MoverRecord

    /// The people to move: their old address ends and the new one starts on the effective date.
    public var movers: [PersonID] { decisions.filter(\.moves).map(\.personID) }

    public var description: String {
        switch status {
        case .matched:
            let who = record.moveType == .family ? "\(record.name)'s family" : record.name
            return
                "\(who) moved on \(record.effectiveDate): \(movers.count) of \(decisions.count) people at the old address move."
        case .ambiguous:
            return "\(record.name): several people or households at the old address fit; nobody moved — decide by hand."
        case .noMatch:
            return "\(record.name): nobody at the old address fits; nobody moved."
        }
    }
}

/// Whether a movers-file row could be applied.
public enum MoveStatus: String, Codable, Sendable {
    /// The row fits; ``MoveOutcome/movers`` move.
    case matched
    /// The row fits more than one person (individual move) or household (family move); it
    /// goes to review and nobody moves.
    case ambiguous
    /// Nobody at the old address fits the row.
    case noMatch = "no_match"
}

/// Whether one person moves, and why.
public struct MoveDecision: Hashable, Sendable, CustomStringConvertible {
    public var personID: PersonID
    public var moves: Bool
    public var reason: MoveReason

    public var description: String { "\(personID) \(moves ? "moves" : "stays"): \(reason)" }
}

/// Why a person moves or stays.
public enum MoveReason: Hashable, Sendable, CustomStringConvertible {
    /// Given and family name match the row.
    case named
    /// Shares the row's family name at the old address (and no other household claims them).
    case sameFamilyName
    /// Belongs to the household of the person the row names.
    case sameHousehold(HouseholdID)
    /// An individual move names somebody else.
    case notNamed
    /// At the old address, but neither in the moving household nor of the family name.
    case otherFamily
    /// Shares the family name but belongs to another household, which does not move.
    case otherHousehold(HouseholdID)
    /// One of several people (or households) the row could mean.
    case ambiguous
    /// Does not live at the old address.
    case notAtOldAddress
    /// Moved in on this day, on or after the move's effective date: a newcomer, not the mover.
    case arrivedAfterMove(LocalDate)

    public var description: String {
        switch self {
        case .named: "named in the movers file"
        case .sameFamilyName: "has the family name of the movers file at the old address"
        case .sameHousehold(let household): "in the moving household \(household)"
        case .notNamed: "the movers file names somebody else in an individual move"
        case .otherFamily: "neither of the family named nor in its household"
        case .otherHousehold(let household):
            "has the family name but belongs to household \(household), which does not move"
        case .ambiguous: "one of several people or households the row could mean — decide by hand"
        case .notAtOldAddress: "does not live at the old address"
        case .arrivedAfterMove(let day): "moved in on \(day), on or after the move date"
        }
    }
}
