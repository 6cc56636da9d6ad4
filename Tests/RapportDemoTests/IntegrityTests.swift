import Foundation
import RapportCore
import RapportDemo
import Testing

/// The store's constraints, checked on the shared data set: references only to records of
/// the same or an earlier batch, unique identifiers and keys, totals equal to their lines.
@Suite("Referential integrity and store constraints")
struct IntegrityTests {
    @Test func everyReferenceResolvesInTheSameOrAnEarlierBatch() {
        var sources = Set<SourceID>()
        var users = Set<UserID>()
        var households = Set<HouseholdID>()
        var organisations = Set<OrganisationID>()
        var people = Set<PersonID>()
        var broken: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { broken.append(what()) } }
        for batch in DemoFixture.batches {
            sources.formUnion(batch.sources.map(\.id))
            users.formUnion(batch.users.map(\.id))
            households.formUnion(batch.households.map(\.id))
            organisations.formUnion(batch.organisations.map(\.id))
            people.formUnion(batch.people.map(\.id))
            for o in batch.organisations {
                check(o.parentID.map(organisations.contains) ?? true, "parent of \(o.id)")
                check(o.resellerOfID.map(organisations.contains) ?? true, "principal of \(o.id)")
            }
            for p in batch.people {
                check(p.householdID.map(households.contains) ?? true, "household of \(p.id)")
                check(p.ownerUserID.map(users.contains) ?? true, "owner of \(p.id)")
            }
            for m in batch.memberships {
                check(
                    people.contains(m.personID) && organisations.contains(m.organisationID),
                    "membership of \(m.personID)")
            }
            for c in batch.contactPoints {
                check(c.personID != nil || c.organisationID != nil, "owner of \(c.id)")
                check(c.personID.map(people.contains) ?? true, "person of \(c.id)")
                check(c.organisationID.map(organisations.contains) ?? true, "organisation of \(c.id)")
                check(c.sourceID.map(sources.contains) ?? true, "source of \(c.id)")
            }
            for r in batch.rawRecords {
                check(
                    sources.contains(r.sourceID) && (r.personID.map(people.contains) ?? true),
                    "raw record \(r.id)")
            }
            for p in batch.purchases {
                check(p.personID != nil || p.organisationID != nil, "buyer of \(p.id)")
                check(p.personID.map(people.contains) ?? true, "person of \(p.id)")
                check(p.organisationID.map(organisations.contains) ?? true, "organisation of \(p.id)")
                check(p.sourceID.map(sources.contains) ?? true, "source of \(p.id)")
            }
            for i in batch.interactions {
                check(people.contains(i.personID), "person of \(i.id)")
                check(i.organisationID.map(organisations.contains) ?? true, "organisation of \(i.id)")
                check(i.staffUserID.map(users.contains) ?? true, "staff of \(i.id)")
                check(i.sourceID.map(sources.contains) ?? true, "source of \(i.id)")
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(5))")
    }

    @Test func identifiersAndUniqueKeysAreUnique() {
        let b = DemoFixture.batches
        var ids: [String] = []
        for batch in b {
            ids += batch.sources.map(\.id.rawValue)
            ids += batch.users.map(\.id.rawValue)
            ids += batch.households.map(\.id.rawValue)
            ids += batch.organisations.map(\.id.rawValue)
            ids += batch.people.map(\.id.rawValue)
            ids += batch.contactPoints.map(\.id.rawValue)
            ids += batch.rawRecords.map(\.id.rawValue)
            ids += batch.purchases.map(\.id.rawValue)
            ids += batch.interactions.map(\.id.rawValue)
        }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.split(separator: "_").last?.count == 26 })
        let usernames = b.flatMap(\.users).map(\.username)
        #expect(
            Set(usernames).count == usernames.count
                && usernames.allSatisfy { (try? User.validateUsername($0)) != nil })
        let sourceNames = b.flatMap(\.sources).map(\.name)
        #expect(Set(sourceNames).count == sourceNames.count)
        let memberships = DemoFixture.memberships.map {
            "\($0.personID)|\($0.organisationID)|\($0.role)"
        }
        #expect(Set(memberships).count == memberships.count)
    }

    @Test func purchaseTotalsAndMarginsAreTheSumsOfTheirLines() {
        let purchases = DemoFixture.purchases
        #expect(!purchases.isEmpty)
        for purchase in purchases {
            #expect(!purchase.lines.isEmpty)
            #expect(purchase.total.minorUnits == purchase.lines.reduce(0) { $0 + $1.amount.minorUnits })
            #expect(purchase.margin.minorUnits == purchase.lines.reduce(0) { $0 + $1.margin.minorUnits })
            #expect(
                purchase.lines.allSatisfy {
                    $0.amount.currency == purchase.total.currency && $0.quantity > 0
                })
        }
    }

    @Test func lineMarginsAreBetweenTenAndFortyFivePerCentOfTheAmount() {
        let lines = DemoFixture.purchases.flatMap(\.lines)
        let outside = lines.filter { line in
            let share = Double(line.margin.minorUnits) / Double(line.amount.minorUnits)
            return line.amount.minorUnits <= 0 || share < 0.099 || share > 0.45
        }
        #expect(outside.isEmpty, "\(outside.prefix(3))")
    }

    @Test func stringsFitTheStoreLimits() {
        let b = DemoFixture.batches
        var strings: [String] = b.flatMap(\.people).flatMap {
            [$0.givenName, $0.familyName].compactMap { $0 }
        }
        strings += b.flatMap(\.organisations).map(\.name)
        strings += b.flatMap(\.households).map(\.name)
        strings += b.flatMap(\.contactPoints).flatMap { [$0.value, $0.normalized] }
        strings += b.flatMap(\.interactions).compactMap(\.subject)
        strings += b.flatMap(\.memberships).map(\.role)
        strings += b.flatMap(\.purchases).flatMap { $0.lines.map(\.product) + [$0.reference ?? ""] }
        #expect(strings.allSatisfy { !$0.isEmpty && $0.count <= 200 })
    }

    @Test func activityFallsInTheTwoYearsBeforeTheReferenceDate() {
        let end = DemoFixture.configuration.referenceDate.date
        let start = end.addingTimeInterval(-731 * 86_400)
        let instants =
            DemoFixture.purchases.map(\.occurredAt) + DemoFixture.interactions.map(\.occurredAt)
        #expect(instants.allSatisfy { $0 >= start && $0 < end })
    }
}
