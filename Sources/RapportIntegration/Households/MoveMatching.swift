import RapportCore

/// Decides who moves when a movers file says someone left an address (R1.6).
///
/// Only people at the old address who were there before the effective date are eligible.
/// Names match on ``FamilyNameKey`` (so Kowalska matches Kowalski) and on the folded first
/// given name — or its first letter when the file gives only an initial.
///
/// - **Family move**: the people the row names (given and family name; if none, everyone
///   with the family name) anchor the move. Their households move as a whole, and so does
///   anyone with the family name who has no household yet. People of another household stay,
///   even with the family name. If the anchors span two households, the row is ambiguous.
/// - **Individual move**: exactly one person must match the name (given name required when
///   the file has one); several matches — a father and son of one name — are ambiguous.
///
/// Nobody moves on an ambiguous row; it goes to review.
public struct MoveMatching: Sendable {
    public init() {}

    /// Decides, for every candidate, whether they move with `record` and why.
    /// `candidates` are usually the people at the old address; anyone else is marked as such.
    public func match(_ record: MoverRecord, candidates: [MoveCandidate]) -> MoveOutcome {
        let oldAddress = SearchText.fold(record.oldAddressKey)
        let familyKeys = Set(FamilyNameKey.keys(record.familyName))
        let people = candidates.sorted { $0.personID < $1.personID }
        var decisions: [PersonID: MoveDecision] = [:]
        func decide(_ person: MoveCandidate, _ moves: Bool, _ reason: MoveReason) {
            decisions[person.personID] = MoveDecision(personID: person.personID, moves: moves, reason: reason)
        }

        var eligible: [MoveCandidate] = []
        for person in people {
            if person.addressKey.map(SearchText.fold) != oldAddress {
                decide(person, false, .notAtOldAddress)
            } else if let since = person.livingThereSince, since >= record.effectiveDate {
                decide(person, false, .arrivedAfterMove(since))
            } else {
                eligible.append(person)
            }
        }
        let sharesFamily = { (person: MoveCandidate) in
            !familyKeys.isDisjoint(with: FamilyNameKey.keys(person.familyName))
        }
        let named = eligible.filter { sharesFamily($0) && Self.givenNameMatches(record.givenName, $0.givenName) }
        let hasGivenName = !(record.givenName ?? "").allSatisfy(\.isWhitespace)

        var status = MoveStatus.matched
        var households: [HouseholdID] = []
        switch record.moveType {
        case .individual:
            let matches = hasGivenName ? named : eligible.filter(sharesFamily)
            if matches.count == 1 {
                for person in eligible {
                    decide(person, person == matches[0], person == matches[0] ? .named : .notNamed)
                }
            } else {
                status = matches.isEmpty ? .noMatch : .ambiguous
                for person in eligible { decide(person, false, matches.contains(person) ? .ambiguous : .notNamed) }
            }
        case .family:
            let byName = hasGivenName && !named.isEmpty
            let anchors = byName ? named : eligible.filter(sharesFamily)
            let anchorHouseholds = Set(anchors.compactMap(\.householdID))
            if anchors.isEmpty || anchorHouseholds.count > 1 {
                status = anchors.isEmpty ? .noMatch : .ambiguous
                for person in eligible { decide(person, false, anchors.contains(person) ? .ambiguous : .otherFamily) }
                break
            }
            households = anchorHouseholds.sorted()
            for person in eligible {
                if anchors.contains(person) {
                    decide(person, true, byName ? .named : .sameFamilyName)
                } else if let household = person.householdID {
                    if anchorHouseholds.contains(household) {
                        decide(person, true, .sameHousehold(household))
                    } else {
                        decide(person, false, sharesFamily(person) ? .otherHousehold(household) : .otherFamily)
                    }
                } else {
                    decide(person, sharesFamily(person), sharesFamily(person) ? .sameFamilyName : .otherFamily)
                }
            }
        }
        return MoveOutcome(
            status: status, decisions: people.compactMap { decisions[$0.personID] }, households: households,
            record: record)
    }

    /// Folded first given names equal, or the file's initial ("J." or "J") matches the first letter.
    static func givenNameMatches(_ fromFile: String?, _ stored: String?) -> Bool {
        guard let fileName = fromFile.map(SearchText.fold)?.split(separator: " ").first,
            let storedName = stored.map(SearchText.fold)?.split(separator: " ").first
        else { return false }
        let initial = fileName.filter { $0 != "." }
        if initial.count == 1 { return storedName.first == initial.first }
        return fileName == storedName
    }
}
