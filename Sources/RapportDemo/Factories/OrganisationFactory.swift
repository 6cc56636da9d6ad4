import Foundation
import RapportCore
import RapportLocales

/// The accounts: the eight manufacturers behind the product range, their resellers,
/// dealers, agents and wholesalers (`resellerOfID`), and business customers and prospects
/// with local legal forms, some of them subsidiaries of another (`parentID`). Each gets an
/// office address, a phone and an e-mail; customers place a few orders of their own.
struct OrganisationFactory {
    let sources: DemoSources
    let configuration: DemoConfiguration

    /// Everything made, plus the organisations people of each country can work for.
    struct Output {
        var organisations: [Organisation] = []
        var contactPoints: [ContactPoint] = []
        var purchases: [Purchase] = []
        var employers: [Country: [OrganisationID]] = [:]
    }

    func make(ids: IDGenerator, _ random: inout DemoRandom) -> Output {
        var output = Output()
        let createdAt = DemoCalendar.instant(day: configuration.historyStartDay - 400)
        func add(
            _ name: String, _ kind: OrganisationKind, _ country: Country, parent: OrganisationID? = nil,
            principal: OrganisationID? = nil
        ) -> Organisation {
            let organisation = Organisation(
                id: ids.make(), name: name, kind: kind, parentID: parent, resellerOfID: principal,
                country: country.rawValue,
                registrationNumber: RegistrationNumber.make(for: country, &random), createdAt: createdAt,
                updatedAt: createdAt)
            output.organisations.append(organisation)
            output.employers[country, default: []].append(organisation.id)
            return organisation
        }
        let manufacturers = Products.brands.map { add($0.legalName, .supplier, $0.country) }
        let total = configuration.organisationCount
        let tradeCount = max(8, total * 15 / 100)
        for index in 0..<tradeCount {
            let brand = Products.brands[index % Products.brands.count]
            let country = index < Products.brands.count ? brand.country : Self.country(&random)
            let kind = random.weighted([
                (OrganisationKind.reseller, 40), (.dealer, 30), (.agent, 15), (.wholesaler, 15),
            ])
            let surname = PersonFactory.surname(in: .of(country), &random)
            let name = CompanyNames.trade(in: country, brand: brand.name, surname: surname, &random)
            _ = add(name, kind, country, principal: manufacturers[index % manufacturers.count].id)
        }
        var topLevel: [Country: [OrganisationID]] = [:]
        for _ in 0..<max(0, total - tradeCount - manufacturers.count) {
            let country = Self.country(&random)
            let surname = PersonFactory.surname(in: .of(country), &random)
            let name = CompanyNames.customer(in: country, surname: surname, &random)
            let parents = topLevel[country, default: []]
            let parent = parents.count >= 3 && random.chance(12) ? random.pick(parents) : nil
            let organisation = add(
                name, random.chance(12) ? .prospect : .customer, country, parent: parent)
            if parent == nil { topLevel[country, default: []].append(organisation.id) }
            if organisation.kind == .customer {
                let history = PurchaseHistory(
                    country: country, sources: sources, referenceDay: configuration.referenceDay,
                    historyStartDay: configuration.historyStartDay)
                output.purchases += history.purchases(of: organisation.id, ids: ids, &random)
            }
        }
        for organisation in output.organisations {
            output.contactPoints += contactPoints(
                of: organisation, ids: ids, createdAt: createdAt, &random)
        }
        return output
    }

    /// 45 % US, 30 % Poland, 25 % Indonesia, like the people.
    private static let countries = Weighted([(Country.us, 45), (.pl, 30), (.id, 25)])

    static func country(_ random: inout DemoRandom) -> Country {
        countries.draw(&random)
    }

    private func contactPoints(
        of organisation: Organisation, ids: IDGenerator, createdAt: Date, _ random: inout DemoRandom
    ) -> [ContactPoint] {
        let country = Country(code: organisation.country ?? "US") ?? .us
        let catalog = LocaleCatalog.of(country)
        let addresses = AddressFactory.byCountry[country]!
        let city = addresses.city(&random)
        let office = addresses.residence(in: city, office: true, &random)
        let phone = ContactFactory(catalog: catalog).phone(city: city, mobile: false, &random)
        let words = organisation.name.split(separator: " ").filter {
            !["PT", "CV", "UD", "PHU"].contains($0)
        }
        let domain =
            Transliteration.ascii(words.prefix(2).joined())
            + (country == .us ? ".com" : country == .pl ? ".pl" : ".co.id")
        let mailbox =
            country == .pl ? "biuro" : country == .id ? "info" : random.pick(["info", "sales", "office"])
        let email = ContactFactory.normalized("\(mailbox)@\(domain)")
        return [
            ContactPoint(
                id: ids.make(), organisationID: organisation.id, kind: .postal, value: office.value,
                normalized: office.key, label: "office", address: office.address,
                isPrimary: true,
                sourceID: sources.batchFile.id, createdAt: createdAt),
            ContactPoint(
                id: ids.make(), organisationID: organisation.id, kind: .phone, value: phone.formatted,
                normalized: phone.e164,
                label: "office", isPrimary: true, sourceID: sources.callCentre.id, createdAt: createdAt),
            ContactPoint(
                id: ids.make(), organisationID: organisation.id, kind: .email, value: email,
                normalized: email, label: "office",
                isPrimary: true, sourceID: sources.webshop.id, createdAt: createdAt),
        ]
    }
}
