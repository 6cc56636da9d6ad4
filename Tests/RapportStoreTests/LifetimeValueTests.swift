import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import RapportValue
import Testing

@Suite("Value per group: historic value, drivers, lifetime value as NPV (R4.1, R4.2, R4.4)")
struct LifetimeValueTests {
    @Test("R4.4 the drivers aggregated in SQL equal the engine's tally over the same summaries")
    func sqlMatchesEngine() async throws {
        let test = try await TestStore.make()
        do {
            try await test.loadDemo(people: 300)
            let store = test.store
            let today = LocalDate(Date())
            let day = CivilCalendar.days(year: today.year, month: today.month, day: today.day)
            var expected: [String: ValueDrivers.Tally] = [:]
            let rows = try await store.database.sql.raw(
                """
                SELECT currency, orders, spend_minor, margin_minor, first_day, last_day FROM customer_metrics
                WHERE orders > 0 AND currency IS NOT NULL
                """
            ).all()
            for row in rows {
                let currency = try row.decode(column: "currency", as: String.self)
                expected[currency, default: ValueDrivers.Tally()].add(
                    netRevenue: Double(try row.decode(column: "spend_minor", as: Int64.self)) / 100,
                    margin: Double(try row.decode(column: "margin_minor", as: Int64.self)) / 100,
                    purchases: try row.decode(column: "orders", as: Int.self),
                    firstDay: try row.decode(column: "first_day", as: Int.self),
                    lastDay: try row.decode(column: "last_day", as: Int.self), today: day)
            }
            let measured = try await store.lifetimeValues.everyone(by: TestActors.admin, today: today)
            #expect(measured.map(\.currency) == expected.keys.sorted())
            #expect(!measured.isEmpty)
            for value in measured {
                let engine = try #require(ValueDrivers(expected[value.currency]!))
                let sql = value.drivers
                #expect(sql.buyers == engine.buyers && sql.purchases == engine.purchases)
                #expect(sql.firstDay == engine.firstDay && sql.lastDay == engine.lastDay)
                #expect(sql.retention == engine.retention, "\(value.currency)")
                for (a, b) in [
                    (sql.netRevenue, engine.netRevenue), (sql.margin, engine.margin),
                    (sql.longevityMonths, engine.longevityMonths), (sql.marginPerMonth, engine.marginPerMonth),
                    (sql.revenuePerActiveYear, engine.revenuePerActiveYear),
                ] {
                    #expect(abs(a - b) <= 1e-6 * max(1, abs(b)))
                }
            }
        } catch {
            await test.close()
            throw error
        }
        await test.close()
    }

    @Test("R4.1 a household's and an organisation's historic value: purchases, returns, margin, first and last")
    func householdAndOrganisation() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let household = Household(id: store.ids.make(), name: "Kowalscy", createdAt: Date())
            try await store.households.insert(household, by: f.admin)
            var members: [Person] = []
            for name in ["Anna", "Jan"] {
                let person = try PersonDraft(givenName: name, familyName: "Kowalski", country: "PL", householdID: household.id.rawValue)
                    .validated(id: store.ids.make(), now: Date())
                try await store.people.insert(person, by: f.admin)
                members.append(person)
            }
            try await f.purchase(members[0], 100, daysAgo: 30)
            try await f.purchase(members[1], 60, daysAgo: 5)
            try await f.purchase(members[1], 20, kind: "return", daysAgo: 2)
            try await f.purchase(try await f.person("Outsider"), 999)
            let value = try await store.households.value(of: household.id, by: f.admin)
            let pln = try #require(value.currencies.first)
            #expect(value.currencies.count == 1 && pln.currency == "PLN")
            #expect(pln.buyers == 2 && pln.purchases == 2 && pln.returns == 1)
            #expect(pln.revenue.minorUnits == 16_000 && pln.returned.minorUnits == 2_000 && pln.netRevenue.minorUnits == 14_000)
            // Margins are a quarter of each line: 25 + 15 − 5.
            #expect(pln.margin.minorUnits == 3_500)
            #expect(pln.firstPurchase == LocalDate(Date().addingTimeInterval(-30 * 86_400)))
            #expect(pln.lastPurchase == LocalDate(Date().addingTimeInterval(-5 * 86_400)))
            #expect(try await store.households.value(of: household.id, by: TestActors.partnerAgent).currencies.isEmpty)

            let organisation = try OrganisationDraft(name: "Zelmer S.A.", kind: "customer").validated(id: store.ids.make(), now: Date())
            try await store.organisations.insert(organisation, by: f.admin)
            let order = try PurchaseDraft(
                organisationID: organisation.id.rawValue, occurredAt: Timestamp.format(Date()), currency: "EUR",
                lines: [.init(product: "Kettles", quantity: 10, amount: 500, margin: 100)]
            ).validated(id: store.ids.make(), now: Date())
            try await store.purchases.insert(order, by: f.admin)
            let account = try await store.organisations.value(of: organisation.id, by: f.admin)
            #expect(account.currencies.map(\.currency) == ["EUR"])
            #expect(account.currencies.first?.netRevenue.minorUnits == 50_000)
            #expect(account.currencies.first?.margin.minorUnits == 10_000)
        }
    }

    @Test("R4.2 a person's NPV takes their segment's assumptions; without rates or history it says what to configure")
    func personUnderSegmentAssumptions() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let anna = try await f.person("Anna")
            // Two purchases 390 days apart: two active years, 100 PLN a year.
            try await f.purchase(anna, 100, daysAgo: 400)
            try await f.purchase(anna, 100, daysAgo: 10)
            try await f.segment("poles", #"country = "PL""#)
            let memberships = try await store.segments.segments(of: anna.id, by: f.admin)
            let unconfigured = try #require(try await store.lifetimeValues.person(anna.id, in: memberships, by: f.admin))
            #expect(unconfigured.lifetimeValue == nil)
            #expect(unconfigured.problem?.contains("retentionRates") == true)
            #expect(unconfigured.basis == "everyone buying in PLN")

            let assumptions = ValueAssumptions(retentionRates: [0.5], discountRate: 0, years: 2, costRate: 0.5)
            _ = try await store.lifetimeValues.assumptions.set(assumptions, forSegment: "poles", by: f.admin)
            let value = try #require(try await store.lifetimeValues.person(anna.id, in: memberships, by: f.admin))
            #expect(value.segment == "poles" && value.basis == "segment Poles")
            // Year 1: 100 × (1 − 0.5) = 50; year 2: half of that again.
            #expect(abs((value.lifetimeValue?.table.lifetimeValue ?? 0) - 75) < 1e-9)

            let segment = try await store.lifetimeValues.segment("poles", by: f.admin)
            #expect(segment.assumptions.configured && segment.assumptions.segment == "poles")
            #expect(segment.historic.currencies.first?.netRevenue.minorUnits == 20_000)
            #expect(segment.currencies.first?.drivers.buyers == 1)
            #expect(abs((segment.currencies.first?.lifetimeValue?.table.lifetimeValue ?? 0) - 75) < 1e-9)

            try await store.lifetimeValues.assumptions.reset(forSegment: "poles", by: f.admin)
            #expect(try await store.lifetimeValues.assumptions.configured(forSegment: "poles") == nil)
            #expect(try await store.lifetimeValues.person(try await f.person("Nobody").id, in: [], by: f.admin) == nil)
        }
    }

    @Test("R4.2 bad assumptions are refused with the field named, and nothing is stored")
    func badAssumptions() async throws {
        try await withTestStore { store in
            do {
                _ = try await store.lifetimeValues.assumptions.set(
                    ValueAssumptions(retentionRates: [0.4, 7], years: 0), forSegment: nil, by: TestActors.admin)
                Issue.record("accepted")
            } catch DomainError.invalid(let issues) {
                #expect(Set(issues.map(\.field)) == ["retentionRates[1]", "years"])
            }
            #expect(try await store.lifetimeValues.assumptions.standing().configured == false)
            await #expect(throws: DomainError.self) {
                _ = try await store.lifetimeValues.assumptions.set(.standard, forSegment: "no_such_segment", by: TestActors.admin)
            }
        }
    }
}

@Suite("Attributes set in bulk, all or nothing (R3.1)")
struct AttributeBulkTests {
    @Test func manyValuesAreSetAtOnceAndABadOneRejectsThemAll() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let anna = try await f.person("Anna")
            let jan = try await f.person("Jan")
            for (key, type, choices) in [("shoe_size", AttributeType.number, [String]()), ("colour", .choice, ["red", "blue"])] {
                try await store.attributes.define(
                    AttributeDefinition(id: store.ids.make(), key: key, label: key, type: type, choices: choices, createdAt: Date()),
                    by: f.admin)
            }
            typealias A = AttributeRepository.Assignment
            do {
                try await store.attributes.set(
                    [A(personID: anna.id, key: "shoe_size", value: .number(38)), A(personID: jan.id, key: "colour", value: .text("green")),
                     A(personID: jan.id, key: "height", value: .number(180))], by: f.admin)
                Issue.record("accepted")
            } catch DomainError.invalid(let issues) {
                #expect(Set(issues.map(\.field)) == ["values[1].value", "values[2].key"])
            }
            #expect(try await store.attributes.values(for: anna.id).isEmpty, "nothing was written")
            try await store.attributes.set(
                [A(personID: anna.id, key: "shoe_size", value: .number(38)), A(personID: anna.id, key: "colour", value: .text("red")),
                 A(personID: anna.id, key: "shoe_size", value: .number(39)), A(personID: jan.id, key: "colour", value: .text("blue"))],
                by: f.admin)
            let values = Dictionary(uniqueKeysWithValues: try await store.attributes.values(for: anna.id).map { ($0.0.key, $0.1) })
            #expect(values == ["shoe_size": .number(39), "colour": .text("red")], "the later value for the same key wins")
            try await store.attributes.set([A(personID: jan.id, key: "colour", value: .text("red"))], by: f.admin)
            #expect(try await store.attributes.values(for: jan.id).map(\.1) == [.text("red")])
            #expect(try await store.attributes.holders() == ["shoe_size": 1, "colour": 2])
        }
    }
}
