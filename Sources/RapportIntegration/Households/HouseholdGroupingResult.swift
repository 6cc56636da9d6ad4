import RapportCore

/// One household found by ``HouseholdGrouping``.
public struct HouseholdGroup: Hashable, Sendable {
    /// In person-ID order.
    public var members: [PersonID]
    /// Why the members are together; empty for a person alone.
    public var links: [HouseholdLink]
    /// The existing household ID the group keeps, or nil when it needs a new one.
    public var householdID: HouseholdID?
}

/// Households found by ``HouseholdGrouping``, in order of their first member's ID, with what
/// the rule's limits left out.
public struct HouseholdGroupingResult: Sendable {
    public let groups: [HouseholdGroup]
    /// Addresses shared by more than ``HouseholdRule/maximumPeoplePerAddress`` people — most
    /// likely apartment blocks without flat numbers — which made no address links.
    public let crowdedAddresses: [String]
    /// Contacts shared by more than ``HouseholdRule/maximumPeoplePerContact`` people (an office
    /// switchboard, a placeholder number), which made no links.
    public let crowdedContacts: [HouseholdContact]
    private let groupIndex: [PersonID: Int]

    init(
        people: [HouseholdMember], sets: inout DisjointSets, links: [HouseholdLink], crowdedAddresses: [String],
        crowdedContacts: [HouseholdContact]
    ) {
        var groupOfRoot: [Int: Int] = [:]
        var groups: [HouseholdGroup] = []
        var groupIndex: [PersonID: Int] = [:]
        var indicesOfGroup: [[Int]] = []
        for index in people.indices {
            let root = sets.find(index)
            let group =
                groupOfRoot[root]
                ?? {
                    groups.append(HouseholdGroup(members: [], links: [], householdID: nil))
                    indicesOfGroup.append([])
                    groupOfRoot[root] = groups.count - 1
                    return groups.count - 1
                }()
            groups[group].members.append(people[index].personID)
            indicesOfGroup[group].append(index)
            groupIndex[people[index].personID] = group
        }
        for link in links { groups[groupIndex[link.person]!].links.append(link) }
        Self.keepHouseholdIDs(&groups, indicesOfGroup: indicesOfGroup, people: people)
        self.groups = groups
        self.crowdedAddresses = crowdedAddresses
        self.crowdedContacts = crowdedContacts
        self.groupIndex = groupIndex
    }

    /// The household `person` was put in.
    public func group(of person: PersonID) -> HouseholdGroup? {
        groupIndex[person].map { groups[$0] }
    }

    /// Every person's household ID: the kept one, or a new one from `generator` (made in
    /// group order, so a seeded generator gives the same IDs on every run). A person alone
    /// is a household of one.
    public func assignments(using generator: IDGenerator) -> [PersonHousehold] {
        groups.flatMap { group -> [PersonHousehold] in
            let id = group.householdID ?? generator.make(Household.self)
            return group.members.map {
                PersonHousehold(personID: $0, householdID: id, isNewHousehold: group.householdID == nil)
            }
        }
    }

    /// Each existing household ID goes to the group holding most of its members (ties: the
    /// lower ID, then the earlier group); a group keeps at most one, and a group whose
    /// members' IDs all went elsewhere gets none. So a household that splits keeps its ID
    /// on its larger part, and two that merge keep the larger one's.
    private static func keepHouseholdIDs(
        _ groups: inout [HouseholdGroup], indicesOfGroup: [[Int]], people: [HouseholdMember]
    ) {
        var claims: [(group: Int, id: HouseholdID, count: Int)] = []
        for (group, indices) in indicesOfGroup.enumerated() {
            var counts: [HouseholdID: Int] = [:]
            for index in indices { if let id = people[index].householdID { counts[id, default: 0] += 1 } }
            claims += counts.map { (group, $0.key, $0.value) }
        }
        claims.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.id != b.id { return a.id < b.id }
            return a.group < b.group
        }
        var taken = Set<HouseholdID>()
        for claim in claims where groups[claim.group].householdID == nil && !taken.contains(claim.id) {
            groups[claim.group].householdID = claim.id
            taken.insert(claim.id)
        }
    }
}

/// A person and the household they belong to after grouping.
public struct PersonHousehold: Hashable, Sendable {
    public var personID: PersonID
    public var householdID: HouseholdID
    /// Whether the household ID was just made (the caller creates the household record).
    public var isNewHousehold: Bool
}
