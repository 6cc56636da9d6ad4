import RapportCore

/// Groups people into households by a ``HouseholdRule`` (R1.8), with the reason for every
/// link, and keeps existing household IDs where it can.
///
/// People are joined with union–find over buckets of people who share an address (and a
/// family-name key) or a contact, so the cost is near-linear in the number of people and
/// keys. Links are tried in a fixed order — address and family name, then shared contacts,
/// then address alone — and each bucket links its members to its first one in person-ID
/// order, so the result, including which links are reported, never depends on input order.
/// Only links that joined two groups are kept: each group's links form a spanning tree.
public struct HouseholdGrouping: Sendable {
    public var rule: HouseholdRule

    public init(rule: HouseholdRule = .standard) {
        self.rule = rule
    }

    /// Groups `members` into households; everyone ends up in exactly one group (alone, if
    /// nothing links them). A person listed twice counts once, as first listed.
    public func group(_ members: [HouseholdMember]) -> HouseholdGroupingResult {
        var seen = Set<PersonID>()
        let people = members.filter { seen.insert($0.personID).inserted }.sorted { $0.personID < $1.personID }
        var sets = DisjointSets(count: people.count)
        var links: [HouseholdLink] = []
        func link(_ first: Int, _ other: Int, _ reason: HouseholdLinkReason) {
            if sets.union(first, other) {
                links.append(
                    HouseholdLink(person: people[first].personID, otherPerson: people[other].personID, reason: reason))
            }
        }

        var byAddress: [String: [Int]] = [:]
        for (index, person) in people.enumerated() {
            if let key = person.addressKey { byAddress[key, default: []].append(index) }
        }
        let crowdedAddresses = byAddress.filter { $0.value.count > rule.maximumPeoplePerAddress }.keys.sorted()
        let addresses = byAddress.filter { $0.value.count <= rule.maximumPeoplePerAddress }.keys.sorted()

        if rule.linksSameAddressAndFamilyName {
            for address in addresses {
                var firstWithName: [String: Int] = [:]
                for index in byAddress[address]! {
                    for name in people[index].familyNameKeys {
                        if let first = firstWithName[name] {
                            link(first, index, .sameAddressAndFamilyName(addressKey: address, familyNameKey: name))
                        } else {
                            firstWithName[name] = index
                        }
                    }
                }
            }
        }

        var crowdedContacts: [HouseholdContact] = []
        if rule.sharedContacts != .never {
            var byContact: [HouseholdContact: [Int]] = [:]
            for (index, person) in people.enumerated() {
                for contact in Set(person.contacts) { byContact[contact, default: []].append(index) }
            }
            crowdedContacts = byContact.filter { $0.value.count > rule.maximumPeoplePerContact }.keys.sorted()
            for contact in byContact.keys.sorted() where byContact[contact]!.count <= rule.maximumPeoplePerContact {
                let sharing = byContact[contact]!
                switch rule.sharedContacts {
                case .anywhere:
                    for index in sharing.dropFirst() { link(sharing[0], index, .sharedContact(contact)) }
                case .sameAddress:
                    var firstAt: [String: Int] = [:]
                    for index in sharing {
                        guard let address = people[index].addressKey else { continue }
                        if let first = firstAt[address] {
                            link(first, index, .sharedContact(contact))
                        } else {
                            firstAt[address] = index
                        }
                    }
                case .never:
                    break
                }
            }
        }

        if rule.linksSameAddressAlone {
            for address in addresses {
                let residents = byAddress[address]!
                for index in residents.dropFirst() { link(residents[0], index, .sameAddress(addressKey: address)) }
            }
        }

        return HouseholdGroupingResult(
            people: people, sets: &sets, links: links, crowdedAddresses: crowdedAddresses,
            crowdedContacts: crowdedContacts)
    }
}
