import Foundation
import RapportCore
import RapportLocales

/// Everything about one person: the person, their e-mail, phones and postal addresses
/// (with the earlier one if the household moved), a raw record for people who came in on
/// a warranty card or a rented file, a role at an organisation, purchases and interactions.
struct PersonRecords {
    let member: Member
    let country: Country
    let householdID: HouseholdID?
    let city: CityEntry
    let home: Residence
    let move: Move?
    let kit: CountryKit
    let reference: DemoReference
    let ids: IDGenerator

    func append(to batch: inout RecordBatch, _ random: inout DemoRandom) {
        let referenceDay = reference.configuration.referenceDay
        let sources = reference.sources
        let createdDay =
            referenceDay
            - random.int(Self.tenures.draw(&random))
        let createdAt = DemoCalendar.instant(
            day: createdDay, second: DemoCalendar.businessSecond(&random))
        let ownership = random.below(1_000)
        let owner: User? =
            ownership < 20
            ? reference.staff.partnerAgent
            : ownership < 100
                ? kit.interactions.team.salesReps.first
                : ownership < 130 ? random.pick(kit.interactions.team.hosts) : nil
        let source =
            owner?.role == .partnerAgent
            ? sources.partnerAgents
            : sources.acquisition.draw(&random)
        let status = (member.age > 70 ? Self.elderlyStatuses : Self.statuses).draw(&random)
        let person = Person(
            id: ids.make(), householdID: householdID, givenName: member.given, familyName: member.family,
            birthDate: kit.persons.birthDate(age: member.age, &random), gender: member.gender,
            language: kit.persons.language,
            country: country.rawValue, status: status, ownerUserID: owner?.id, createdAt: createdAt,
            updatedAt: createdAt)
        batch.people.append(person)

        let contacts = ContactPoints(
            person: person.id, source: source.id, createdDay: createdDay, ids: ids)
        let email = kit.contacts.email(
            given: member.given, family: member.family, birthYear: person.birthDate!.year, &random)
        batch.contactPoints.append(contacts.email(email))
        if random.chance(88) {
            let mobile = country == .us ? true : random.chance(85)
            batch.contactPoints.append(
                contacts.phone(
                    kit.contacts.phone(city: city, mobile: mobile, &random), label: mobile ? "mobile" : "home"
                ))
            if random.chance(8) {
                batch.contactPoints.append(
                    contacts.phone(
                        kit.contacts.phone(city: city, mobile: false, &random), label: "work", primary: false))
            }
        }
        if let move {
            batch.contactPoints.append(
                contacts.postal(move.previous, from: move.previousSince, to: move.day, primary: false))
            batch.contactPoints.append(contacts.postal(home, from: move.day, to: nil, primary: true))
        } else {
            batch.contactPoints.append(contacts.postal(home, from: nil, to: nil, primary: true))
        }
        if source.kind == .warrantyCard || source.kind == .batchFile {
            batch.rawRecords.append(
                rawRecord(person, email: email, source: source, createdAt: createdAt, &random))
        }

        var employer: OrganisationID?
        if random.chance(20), let organisations = reference.employers[country], !organisations.isEmpty {
            let organisation = random.pick(organisations)
            employer = organisation
            let since = DemoCalendar.date(referenceDay - random.int(60...4_000))
            let until = random.chance(15) ? DemoCalendar.date(referenceDay - random.int(1...50)) : nil
            batch.memberships.append(
                Membership(
                    personID: person.id, organisationID: organisation, role: random.pick(Self.roles),
                    since: since, until: until))
        }

        let purchases = kit.purchases.purchases(of: person.id, sinceDay: createdDay, ids: ids, &random)
        batch.purchases += purchases
        let products = purchases.flatMap { $0.lines.map(\.product) }
        batch.interactions += kit.interactions.interactions(
            of: person.id, sinceDay: createdDay, purchases: purchases.count, products: products,
            organisation: employer,
            ownedByPartner: owner?.role == .partnerAgent, ids: ids, &random)
    }

    /// How long ago the person became known, in days before the reference day.
    private static let tenures = Weighted([(30...365, 25), (366...1_100, 40), (1_101...2_800, 35)])
    private static let statuses = Weighted<PersonStatus>([
        (.active, 975), (.suppressedOnRequest, 12), (.suppressedUndeliverable, 8), (.suppressedDeceased, 1),
    ])
    private static let elderlyStatuses = Weighted<PersonStatus>([
        (.active, 975), (.suppressedOnRequest, 12), (.suppressedUndeliverable, 8), (.suppressedDeceased, 15),
    ])

    static let roles = [
        "Owner", "Managing director", "Purchasing manager", "Office manager", "Buyer", "Accountant",
        "Facilities manager", "Store manager", "Sales manager", "Technician",
    ]

    /// The record as the source sent it: a JSON object with the fields a warranty card or a
    /// rented address file carries, and its file and line as lineage.
    private func rawRecord(
        _ person: Person, email: String, source: Touchpoint, createdAt: Date, _ random: inout DemoRandom
    ) -> RawRecord {
        var fields = [
            ("given_name", member.given), ("family_name", member.family ?? ""),
            ("postcode", home.address.postcode ?? ""), ("city", home.address.city),
        ]
        if source.kind == .warrantyCard {
            fields += [
                ("email", email), ("product", random.pick(Products.all).name),
                ("serial", random.digits(10)),
            ]
        } else {
            fields += [("street", home.address.line1), ("birth_year", String(person.birthDate!.year))]
        }
        let payload =
            "{" + fields.map { "\"\($0.0)\":\"\(Self.escaped($0.1))\"" }.joined(separator: ",") + "}"
        let month = DemoCalendar.date(Int(createdAt.timeIntervalSince1970) / 86_400)
        let file = "\(source.name)-\(month.year)-\(month.month < 10 ? "0" : "")\(month.month).csv"
        return RawRecord(
            id: ids.make(), sourceID: source.id, receivedAt: createdAt, payload: payload,
            personID: person.id,
            lineage: "\(file):\(random.int(2...20_000))")
    }

    private static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return text
        }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "\"", with: "\\\"")
    }
}
