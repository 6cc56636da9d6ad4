import RapportCore
import RapportDemo
import Testing

@Suite("People and households")
struct PopulationTests {
    @Test func countryMixIsAboutFortyFiveThirtyTwentyFive() {
        let people = DemoFixture.people
        let counts = Dictionary(grouping: people, by: { $0.country ?? "" }).mapValues(\.count)
        #expect(abs(percent(counts["US", default: 0], of: people.count) - 45) < 5)
        #expect(abs(percent(counts["PL", default: 0], of: people.count) - 30) < 5)
        #expect(abs(percent(counts["ID", default: 0], of: people.count) - 25) < 5)
        let languages = Dictionary(uniqueKeysWithValues: [("US", "en"), ("PL", "pl"), ("ID", "id")])
        #expect(people.allSatisfy { languages[$0.country ?? ""] == $0.language })
    }

    @Test func polishNamesKeepDiacriticsAndWomenCarryFeminineSurnames() {
        let poles = DemoFixture.people.filter { $0.country == "PL" }
        let diacritics = Set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
        #expect(
            poles.filter { $0.displayName.contains(where: diacritics.contains) }.count > poles.count / 5)
        let women = poles.filter { $0.gender == .female }
        let men = poles.filter { $0.gender == .male }
        #expect(!women.isEmpty && !men.isEmpty)
        #expect(
            !women.contains {
                ($0.familyName ?? "").hasSuffix("ski") || ($0.familyName ?? "").hasSuffix("cki")
            })
        #expect(
            !men.contains {
                ($0.familyName ?? "").hasSuffix("ska") || ($0.familyName ?? "").hasSuffix("cka")
            })
        #expect(women.contains { $0.familyName?.hasSuffix("ska") == true })
    }

    @Test func someIndonesiansHaveASingleName() {
        let indonesians = DemoFixture.people.filter { $0.country == "ID" }
        let single = indonesians.filter { $0.familyName == nil }
        #expect(
            percent(single.count, of: indonesians.count) > 15
                && percent(single.count, of: indonesians.count) < 45)
        #expect(DemoFixture.people.filter { $0.country != "ID" }.allSatisfy { $0.familyName != nil })
        #expect(DemoFixture.people.allSatisfy { $0.givenName?.isEmpty == false })
    }

    @Test func everyoneIsAnAdultOfEighteenToNinety() {
        let today = DemoFixture.configuration.referenceDate
        let ages = DemoFixture.people.compactMap { $0.birthDate?.years(until: today) }
        #expect(ages.count == DemoFixture.people.count)
        #expect(ages.allSatisfy { (18...90).contains($0) })
        #expect(Set(ages).count > 60)
    }

    @Test func householdsShareSurnameAndAddressAndMostPeopleHaveOne() {
        let people = DemoFixture.people
        #expect(percent(people.filter { $0.householdID != nil }.count, of: people.count) > 70)
        let groups = Dictionary(
            grouping: people.filter { $0.householdID != nil }, by: { $0.householdID! })
        let shared = groups.values.filter { $0.count > 1 }
        #expect(shared.count > 500)
        #expect(groups.values.allSatisfy { (1...5).contains($0.count) })
        let postal = Dictionary(
            grouping: DemoFixture.contactPoints.filter {
                $0.kind == .postal && $0.validTo == nil && $0.personID != nil
            }, by: { $0.personID! })
        for members in shared.prefix(200) {
            let surnames = Set(members.map { SearchText.fold($0.familyName ?? "").dropLast(1) })
            #expect(surnames.count == 1, "\(members.map(\.displayName))")
            #expect(Set(members.map { postal[$0.id]?.first?.normalized }).count == 1)
        }
        let byID = Dictionary(uniqueKeysWithValues: DemoFixture.households.map { ($0.id, $0.name) })
        let first = shared.first!.first!
        #expect(
            byID[first.householdID!]?.hasPrefix((first.familyName ?? first.givenName!) + ", ") == true)
    }

    @Test func aboutFifteenPerCentMovedOnceAndKeepTheirAddressHistory() {
        let postal = Dictionary(
            grouping: DemoFixture.contactPoints.filter { $0.kind == .postal && $0.personID != nil },
            by: { $0.personID! })
        let movers = postal.values.filter { $0.count == 2 }
        #expect(abs(percent(movers.count, of: postal.count) - 15) < 5)
        #expect(
            postal.values.allSatisfy { $0.count <= 2 && $0.filter { $0.validTo == nil }.count == 1 })
        for history in movers {
            let old = history.first { $0.validTo != nil }!
            let current = history.first { $0.validTo == nil }!
            #expect(
                old.validFrom! < old.validTo! && old.validTo == current.validFrom && current.isPrimary
                    && !old.isPrimary)
        }
    }

    @Test func staffAreTenToTwentyUsersAndThePartnerAgentOwnsAboutTwoPerCent() throws {
        let users = DemoFixture.batches[0].users
        #expect((10...20).contains(users.count))
        #expect(
            Set(users.map(\.role)).isSuperset(of: [.salesRep, .serviceAgent, .host, .partnerAgent]))
        let agent = try #require(users.first { $0.role == .partnerAgent })
        let owned = DemoFixture.people.filter { $0.ownerUserID == agent.id }.count
        #expect(abs(percent(owned, of: DemoFixture.people.count) - 2) < 1)
        #expect(
            DemoFixture.people.filter { $0.ownerUserID != nil }.count > DemoFixture.people.count / 20)
    }
}
