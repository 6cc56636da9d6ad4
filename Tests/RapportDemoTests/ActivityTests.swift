import RapportCore
import RapportDemo
import Testing

@Suite("Purchases, interactions and organisations")
struct ActivityTests {
    @Test func channelMixIsAboutSeventyFourPerCentPhoneAndSixteenEmail() {
        let interactions = DemoFixture.interactions
        #expect(interactions.count > DemoFixture.people.count)
        let phone = interactions.filter { $0.channel == .phone }.count
        let email = interactions.filter { $0.channel == .email }.count
        #expect(abs(percent(phone, of: interactions.count) - 74) < 2)
        #expect(abs(percent(email, of: interactions.count) - 16) < 2)
        #expect(Set(interactions.map(\.channel)) == Set(Channel.allCases))
        #expect(Set(interactions.map(\.direction)) == Set(Direction.allCases))
        #expect(
            interactions.filter { $0.channel != .web }.allSatisfy {
                $0.staffUserID != nil && $0.staffName != nil
            })
        #expect(interactions.allSatisfy { $0.subject?.contains("{") == false })
    }

    @Test func purchasesAreSkewedManyOneTimeBuyersAFewHeavyOnes() {
        let sales = DemoFixture.purchases.filter { $0.kind == .purchase && $0.personID != nil }
        let perPerson = Dictionary(grouping: sales, by: { $0.personID! }).mapValues(\.count)
        let people = DemoFixture.people.count
        #expect(abs(percent(people - perPerson.count, of: people) - 22) < 5)
        #expect(percent(perPerson.values.filter { $0 == 1 }.count, of: perPerson.count) > 40)
        #expect(perPerson.values.contains { $0 >= 13 })
        let usd = sales.filter { $0.total.currency == "USD" }
        let spend = Dictionary(grouping: usd, by: { $0.personID! }).mapValues {
            $0.reduce(0) { $0 + $1.total.minorUnits }
        }
        let ranked = spend.values.sorted(by: >)
        let top = ranked.prefix(ranked.count / 10).reduce(0, +)
        #expect(Double(top) / Double(ranked.reduce(0, +)) > 0.35)
    }

    @Test func currencyFollowsTheCountryAndRupiahAmountsAreLarge() {
        let currency = ["US": "USD", "PL": "PLN", "ID": "IDR"]
        let country = Dictionary(uniqueKeysWithValues: DemoFixture.people.map { ($0.id, $0.country!) })
        let personal = DemoFixture.purchases.filter { $0.personID != nil }
        #expect(personal.allSatisfy { $0.total.currency == currency[country[$0.personID!]!] })
        let rupiah = personal.filter { $0.kind == .purchase && $0.total.currency == "IDR" }.map {
            $0.total.decimal
        }
        #expect(!rupiah.isEmpty && rupiah.allSatisfy { $0 >= 10_000 })
        #expect(percent(rupiah.filter { $0 < 1_000_000 }.count, of: rupiah.count) > 50)
    }

    @Test func aboutFivePerCentAreReturnsOfProductsBoughtEarlier() {
        let purchases = DemoFixture.purchases
        let returns = purchases.filter { $0.kind == .return }
        #expect(abs(percent(returns.count, of: purchases.count - returns.count) - 5) < 2)
        let bought = Dictionary(
            grouping: purchases.filter { $0.kind == .purchase && $0.personID != nil },
            by: { $0.personID! })
        for item in returns {
            let line = item.lines[0]
            let earlier = bought[item.personID!, default: []].filter { $0.occurredAt < item.occurredAt }
            #expect(
                earlier.contains {
                    $0.lines.contains { $0.product == line.product && $0.quantity >= line.quantity }
                })
        }
    }

    @Test func organisationsIncludeResellersOfManufacturersSubsidiariesAndB2BOrders() {
        let organisations = DemoFixture.organisations
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        let resellers = organisations.filter { $0.resellerOfID != nil }
        #expect(resellers.count >= 8)
        #expect(
            resellers.allSatisfy {
                [.reseller, .dealer, .agent, .wholesaler].contains($0.kind)
                    && byID[$0.resellerOfID!]?.kind == .supplier
            })
        #expect(organisations.contains { $0.parentID != nil })
        #expect(organisations.allSatisfy { $0.registrationNumber != nil })
        let forms = [
            "Inc.", "LLC", "Corp.", "Co.", "Sp. z o.o.", "S.A.", "sp.j.", "sp.k.", "PT ", "CV ", "UD ",
            "PHU ", "Tbk",
        ]
        #expect(organisations.allSatisfy { org in forms.contains { org.name.contains($0) } })
        let b2b = DemoFixture.purchases.filter { $0.personID == nil }
        #expect(!b2b.isEmpty && b2b.allSatisfy { $0.organisationID != nil })
        let adults = DemoFixture.people.count
        #expect(abs(percent(Set(DemoFixture.memberships.map(\.personID)).count, of: adults) - 20) < 4)
    }
}
