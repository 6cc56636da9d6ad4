import Foundation
import RapportCore
import RapportIntegration

/// A household link as stored: IDs as text, the reason as people read it.
struct StoredHouseholdLink: Hashable, Sendable {
    var person: String
    var otherPerson: String
    var household: String
    var reason: String

    var key: String { person + "|" + otherPerson }
}

/// The difference between the households stored and the households a grouping found: what
/// a rebuild must write. Pure, so the counts it reports are the writes it makes.
struct HouseholdPlan: Sendable {
    struct Move: Sendable {
        var person: PersonID
        var from: HouseholdID?
        var to: HouseholdID
    }

    let created: [Household]
    let moves: [Move]
    let addedLinks: [StoredHouseholdLink]
    let removedLinks: [StoredHouseholdLink]
    /// Households that had members before and have none now.
    let dissolved: [HouseholdID]
    let changed: Int
    let groups: Int
    let people: Int
    let now: Date

    init(
        result: HouseholdGroupingResult, members: [HouseholdMember], labels: [PersonID: String],
        assignments: [PersonHousehold], existingLinks: [String: StoredHouseholdLink], now: Date
    ) {
        var before: [PersonID: HouseholdID] = [:]
        var sizeBefore: [HouseholdID: Int] = [:]
        for member in members {
            guard let id = member.householdID else { continue }
            before[member.personID] = id
            sizeBefore[id, default: 0] += 1
        }
        var created: [Household] = []
        var seenNew = Set<HouseholdID>()
        var moves: [Move] = []
        var after: [PersonID: HouseholdID] = [:]
        for assignment in assignments {
            after[assignment.personID] = assignment.householdID
            if assignment.isNewHousehold, seenNew.insert(assignment.householdID).inserted {
                let name = labels[assignment.personID] ?? "Household"
                created.append(Household(id: assignment.householdID, name: name, createdAt: now))
            }
            if before[assignment.personID] != assignment.householdID {
                moves.append(
                    Move(person: assignment.personID, from: before[assignment.personID], to: assignment.householdID))
            }
        }
        var changed = 0
        for group in result.groups {
            guard let id = group.householdID else { continue }
            if sizeBefore[id] != group.members.count || group.members.contains(where: { before[$0] != id }) {
                changed += 1
            }
        }
        var wanted: [String: StoredHouseholdLink] = [:]
        for group in result.groups {
            for link in group.links {
                let stored = StoredHouseholdLink(
                    person: link.person.rawValue, otherPerson: link.otherPerson.rawValue,
                    household: after[link.person]!.rawValue, reason: link.reason.description)
                wanted[stored.key] = stored
            }
        }
        let kept = Set(after.values)
        self.created = created
        self.moves = moves
        self.addedLinks = wanted.values.filter { existingLinks[$0.key] != $0 }.sorted { $0.key < $1.key }
        self.removedLinks = existingLinks.values.filter { wanted[$0.key] != $0 }.sorted { $0.key < $1.key }
        self.dissolved = Set(sizeBefore.keys).subtracting(kept).sorted()
        self.changed = changed
        self.groups = result.groups.count
        self.people = assignments.count
        self.now = now
    }

    func summary(rule: HouseholdRule) -> HouseholdRebuildSummary {
        var summary = HouseholdRebuildSummary(rule: rule.draft)
        summary.people = people
        summary.households = groups
        summary.householdsCreated = created.count
        summary.householdsChanged = changed
        summary.householdsDissolved = dissolved.count
        summary.peopleMoved = moves.count
        summary.linksAdded = addedLinks.count
        summary.linksRemoved = removedLinks.count
        return summary
    }
}
