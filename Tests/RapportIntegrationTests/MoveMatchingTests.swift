import Foundation
import RapportCore
import Testing

@testable import RapportIntegration

@Suite("Movers: who moves when a movers file says so (R1.6)")
struct MoveMatchingTests {
    typealias H = HouseholdGroupingTests
    static let people = H.people
    static let households = H.households
    static let newAddress = PostalAddress(
        line1: "ul. Świętokrzyska 12", city: "Warszawa", postcode: "00-916", country: "PL")
    static let moveDay = LocalDate(iso: "2025-03-15")!

    func person(
        _ index: Int, _ given: String?, _ family: String?, household: Int? = nil, at address: String = H.dluga5,
        since: String? = nil
    ) -> MoveCandidate {
        MoveCandidate(
            personID: Self.people[index], householdID: household.map { Self.households[$0] }, givenName: given,
            familyName: family,
            addressKey: address, livingThereSince: since.flatMap(LocalDate.init(iso:)))
    }

    func row(_ given: String?, _ family: String, _ type: MoveType = .family) -> MoverRecord {
        MoverRecord(
            givenName: given, familyName: family, oldAddressKey: H.dluga5, newAddress: Self.newAddress,
            effectiveDate: Self.moveDay, moveType: type)
    }

    /// The Kowalski family (household 0) with a lodger, and a neighbour at another address.
    var residents: [MoveCandidate] {
        [
            person(0, "Jan", "Kowalski", household: 0), person(1, "Anna", "Kowalska", household: 0),
            person(2, "Zofia", "Wiśniewska", household: 0), person(3, "Ewa", "Nowak", household: 1),
            person(4, "Piotr", "Kowalski", household: 2, at: H.dluga5flat4),
        ]
    }

    @Test func aFamilyMoveTakesTheWholeHousehold() {
        let outcome = MoveMatching().match(row("Jan", "Kowalski"), candidates: residents)
        #expect(outcome.status == .matched)
        #expect(outcome.movers == Array(Self.people[0...2]))
        #expect(outcome.households == [Self.households[0]])
        let reasons = outcome.decisions.map(\.reason)
        #expect(
            reasons == [
                .named, .sameHousehold(Self.households[0]), .sameHousehold(Self.households[0]), .otherFamily,
                .notAtOldAddress,
            ])
        #expect(
            outcome.description == "Jan Kowalski's family moved on 2025-03-15: 3 of 5 people at the old address move.")
        #expect(
            outcome.decisions[3].description
                == "\(Self.people[3]) stays: neither of the family named nor in its household")
    }

    @Test func anIndividualMoveTakesOnlyThePersonNamed() {
        let outcome = MoveMatching().match(row("Anna", "Kowalska", .individual), candidates: residents)
        #expect(outcome.status == .matched)
        #expect(outcome.movers == [Self.people[1]])
        #expect(outcome.decisions.filter { !$0.moves && $0.reason == .notNamed }.count == 3)
    }

    @Test func namesakesMakeAnIndividualMoveAmbiguous() {
        let fatherAndSon = [person(0, "Jan", "Kowalski", household: 0), person(1, "Jan", "Kowalski", household: 0)]
        let outcome = MoveMatching().match(row("Jan", "Kowalski", .individual), candidates: fatherAndSon)
        #expect(outcome.status == .ambiguous)
        #expect(outcome.movers.isEmpty)
        #expect(outcome.decisions.map(\.reason) == [.ambiguous, .ambiguous])
    }

    @Test func twoFamiliesOfOneNameMakeAFamilyMoveAmbiguous() {
        let twoFamilies = [person(0, "Jan", "Nowak", household: 0), person(1, "Adam", "Nowak", household: 1)]
        #expect(MoveMatching().match(row(nil, "Nowak"), candidates: twoFamilies).status == .ambiguous)
        // The given name settles it.
        let named = MoveMatching().match(row("Adam", "Nowak"), candidates: twoFamilies)
        #expect(named.movers == [Self.people[1]])
        #expect(named.decisions[0].reason == .otherHousehold(Self.households[0]))
    }

    @Test func peopleWithoutAHouseholdMoveWithTheirFamilyName() {
        let outcome = MoveMatching().match(
            row("J.", "Kowalski"),
            candidates: [
                person(0, "Jan", "Kowalski"), person(1, "Anna", "Kowalska"), person(2, "Ewa", "Nowak"),
            ])
        #expect(outcome.movers == Array(Self.people[0...1]))
        #expect(outcome.decisions.map(\.reason) == [.named, .sameFamilyName, .otherFamily])
    }

    @Test func newcomersAfterTheMoveDateStay() {
        let outcome = MoveMatching().match(
            row(nil, "Kowalski"),
            candidates: [
                person(0, "Jan", "Kowalski", household: 0, since: "2019-05-01"),
                person(1, "Karol", "Kowalski", since: "2025-03-15"),
            ])
        #expect(outcome.movers == [Self.people[0]])
        #expect(outcome.decisions[1].reason == .arrivedAfterMove(Self.moveDay))
    }

    @Test func nobodyFitsNobodyMoves() {
        let outcome = MoveMatching().match(row("Tomasz", "Zieliński"), candidates: residents)
        #expect(outcome.status == .noMatch)
        #expect(outcome.movers.isEmpty)
        #expect(outcome.description == "Tomasz Zieliński: nobody at the old address fits; nobody moved.")
    }
}
