import Foundation
import RapportCore
import Testing

@testable import RapportIntegration

@Suite("Households: who lives together (R1.8)")
struct HouseholdGroupingTests {
    /// Person IDs in creation order, so `people[0] < people[1] < …`.
    static let people: [PersonID] = {
        let ids = IDGenerator.seeded(11)
        return (0..<40).map { _ in ids.make() }
    }()
    static let households: [HouseholdID] = {
        let ids = IDGenerator.seeded(12)
        return (0..<4).map { _ in ids.make() }
    }()

    static let dluga5 = AddressStandardizer.matchKey(
        PostalAddress(line1: "ul. Długa 5", line2: "m. 3", city: "Kraków", postcode: "31-123", country: "PL"))
    static let dluga5flat4 = AddressStandardizer.matchKey(
        PostalAddress(line1: "ul. Długa 5", line2: "m. 4", city: "Kraków", postcode: "31-123", country: "PL"))
    static let block = AddressStandardizer.matchKey(
        PostalAddress(line1: "os. Tysiąclecia 12", city: "Kraków", postcode: "31-610", country: "PL"))
    static let elsewhere = AddressStandardizer.matchKey(
        PostalAddress(line1: "Jl. Merdeka No. 10", city: "Bandung", postcode: "40111", country: "ID"))

    func member(_ index: Int, _ address: String?, _ familyName: String?, phone: String? = nil, household: Int? = nil)
        -> HouseholdMember
    {
        HouseholdMember(
            personID: Self.people[index], householdID: household.map { Self.households[$0] }, addressKey: address,
            familyName: familyName, contacts: phone.map { [HouseholdContact(kind: .phone, key: $0)] } ?? [])
    }

    @Test func relativesAtOneAddressAreOneHousehold() {
        let result = HouseholdGrouping().group([
            member(0, Self.dluga5, "Kowalski"), member(1, Self.dluga5, "Kowalska"),
            member(2, Self.dluga5, "Nowak-Kowalska"),
            member(3, Self.dluga5flat4, "Kowalski"),
        ])
        let family = result.group(of: Self.people[0])!
        #expect(family.members == Array(Self.people[0...2]))
        #expect(family.links.count == 2)
        #expect(
            family.links.allSatisfy {
                $0.reason == .sameAddressAndFamilyName(addressKey: Self.dluga5, familyNameKey: "kowalski")
            })
        #expect(
            family.links.first?.reason.description
                == "same address (ul. dluga 5 m. 3 31-123 krakow pl) and family name (kowalski)")
        #expect(
            result.group(of: Self.people[3])!.members == [Self.people[3]],
            "the Kowalski next door, flat 4, is another household")
        #expect(result.groups.count == 2)
    }

    @Test func flatmatesWithDifferentSurnamesStayApartUnderTheStandardRule() {
        let flatmates = [
            member(0, Self.dluga5, "Kowalski"), member(1, Self.dluga5, "Nowak"), member(2, Self.dluga5, "Wiśniewska"),
        ]
        #expect(HouseholdGrouping().group(flatmates).groups.count == 3, "same address alone is not enough")
        let together = HouseholdGrouping(rule: HouseholdRule(linksSameAddressAlone: true)).group(flatmates)
        #expect(together.groups.count == 1)
        #expect(
            together.groups[0].links.map(\.reason) == Array(repeating: .sameAddress(addressKey: Self.dluga5), count: 2))
    }

    @Test func aSharedPhoneLinksPeopleWhateverTheirNames() {
        let members = [
            member(0, Self.dluga5, "Kowalski", phone: "+48126543210"),
            member(1, Self.dluga5, "Nowak", phone: "+48126543210"),
            member(2, Self.elsewhere, "Santoso", phone: "+48126543210"), member(3, Self.dluga5, "Zieliński"),
        ]
        let anywhere = HouseholdGrouping().group(members)
        #expect(anywhere.group(of: Self.people[0])!.members == Array(Self.people[0...2]))
        #expect(
            anywhere.group(of: Self.people[0])!.links.first?.reason.description == "shared phone number +48126543210")
        #expect(anywhere.group(of: Self.people[3])!.members == [Self.people[3]])
        let atHome = HouseholdGrouping(rule: HouseholdRule(sharedContacts: .sameAddress)).group(members)
        #expect(atHome.group(of: Self.people[0])!.members == Array(Self.people[0...1]))
        #expect(HouseholdGrouping(rule: HouseholdRule(sharedContacts: .never)).group(members).groups.count == 4)
    }

    @Test func anApartmentBlockWithoutFlatNumbersIsNotMerged() {
        // 20 residents of one block, two of them Nowaks from different flats, one address key.
        var residents = (0..<18).map { member($0, Self.block, "Mieszkaniec\($0)") }
        residents += [member(18, Self.block, "Nowak"), member(19, Self.block, "Nowak")]
        for rule in [HouseholdRule.standard, HouseholdRule(linksSameAddressAlone: true)] {
            let result = HouseholdGrouping(rule: rule).group(residents)
            #expect(result.groups.count == 20)
            #expect(result.crowdedAddresses == [Self.block])
        }
        // A family in a small building still groups.
        let small = HouseholdGrouping().group([member(18, Self.block, "Nowak"), member(19, Self.block, "Nowak")])
        #expect(small.groups.count == 1)
        #expect(small.crowdedAddresses.isEmpty)
    }

    @Test func aPlaceholderPhoneSharedByManyMakesNoLinks() {
        let members = (0..<8).map { member($0, nil, "Person\($0)", phone: "+48000000000") }
        let result = HouseholdGrouping().group(members)
        #expect(result.groups.count == 8)
        #expect(result.crowdedContacts == [HouseholdContact(kind: .phone, key: "+48000000000")])
    }

    @Test func linksChainAndTheResultDoesNotDependOnInputOrder() {
        let members = [
            member(0, Self.dluga5, "Kowalski"), member(1, Self.dluga5, "Kowalska", phone: "+48601000001"),
            member(2, Self.elsewhere, "Santoso", phone: "+48601000001"), member(3, Self.block, "Nowak"),
            member(4, Self.block, "Nowak"), member(5, nil, nil),
        ]
        let expected = HouseholdGrouping().group(members)
        #expect(expected.groups.map(\.members.count) == [3, 2, 1])
        #expect(
            expected.groups[0].links.map(\.reason) == [
                .sameAddressAndFamilyName(addressKey: Self.dluga5, familyNameKey: "kowalski"),
                .sharedContact(HouseholdContact(kind: .phone, key: "+48601000001")),
            ])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let shuffled = HouseholdGrouping().group(members.shuffled(using: &generator))
            #expect(shuffled.groups == expected.groups)
        }
    }

    @Test func existingHouseholdIDsAreKept() {
        // Household 0 splits: its larger part keeps the ID. Households 1 and 2 merge: the larger keeps its ID.
        let members = [
            member(0, Self.dluga5, "Kowalski", household: 0), member(1, Self.dluga5, "Kowalska", household: 0),
            member(2, Self.elsewhere, "Kowalski", household: 0),
            member(3, Self.block, "Nowak", household: 2), member(4, Self.block, "Nowak", household: 1),
            member(5, Self.block, "Nowak", household: 1), member(6, Self.elsewhere, "Santoso"),
        ]
        let result = HouseholdGrouping().group(members)
        #expect(result.group(of: Self.people[0])?.householdID == Self.households[0])
        #expect(result.group(of: Self.people[2])?.householdID == nil, "the part that moved away needs a new household")
        #expect(result.group(of: Self.people[3])?.householdID == Self.households[1])
        let assignments = result.assignments(using: IDGenerator.seeded(99))
        #expect(assignments.count == 7)
        #expect(Set(assignments.filter(\.isNewHousehold).map(\.personID)) == [Self.people[2], Self.people[6]])
        #expect(assignments == result.assignments(using: IDGenerator.seeded(99)), "new IDs are deterministic")
        #expect(Set(assignments.map(\.householdID)).count == 4)
    }

    @Test func aStoredPersonBecomesAMember() {
        let ids = IDGenerator.seeded(5)
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let person = Person(id: ids.make(), givenName: "Anna", familyName: "Zawadzka", createdAt: now, updatedAt: now)
        let address = PostalAddress(
            line1: "ul. Długa 5", line2: "m. 3", city: "Kraków", postcode: "31-123", country: "PL")
        let points = [
            ContactPoint(
                id: ids.make(), personID: person.id, kind: .postal, value: "old", normalized: "old address",
                validFrom: LocalDate(iso: "2010-01-01"), validTo: LocalDate(iso: "2020-01-01"), createdAt: now),
            ContactPoint(
                id: ids.make(), personID: person.id, kind: .postal, value: address.formatted, normalized: "",
                address: address, validFrom: LocalDate(iso: "2020-01-01"), createdAt: now),
            ContactPoint(
                id: ids.make(), personID: person.id, kind: .phone, value: "+48 601 234 567", normalized: "+48601234567",
                createdAt: now),
        ]
        let member = HouseholdMember(person: person, contactPoints: points, on: LocalDate(iso: "2025-06-01")!)
        #expect(member.addressKey == Self.dluga5)
        #expect(member.familyNameKeys == ["zawadzki"])
        #expect(member.contacts == [HouseholdContact(kind: .phone, key: "+48601234567")])
    }

    @Test(arguments: [
        ("Kowalska", ["kowalski"]), ("Nowicka", ["nowicki"]), ("Zawadzka", ["zawadzki"]),
        ("Nowak-Kowalska", ["nowak", "kowalski"]),
        ("Żółć", ["zolc"]), ("Wrona", ["wrona"]), ("van der Berg", ["berg"]), ("de la Cruz", ["cruz"]),
    ])
    func familyNameKeys(name: String, keys: [String]) {
        #expect(FamilyNameKey.keys(name) == keys)
    }
}
