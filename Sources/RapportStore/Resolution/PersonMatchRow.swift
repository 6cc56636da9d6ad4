import Foundation
import RapportCore
import RapportIdentity

/// A stored person in the form loose matching compares: their folded fields and the blocking
/// keys under which they are found as a candidate.
///
/// The row is made from the person and their current contact points — the primary e-mail,
/// phone and postal address, or else the first current one of each kind — exactly as an
/// arriving record is made from its own values, so both sides of a pair are normalised by the
/// same `PersonNormaliser`.
struct PersonMatchRow: Sendable {
    let personID: String
    let person: NormalisedPerson
    /// The person's stored blocking keys (`LooseMatcher.storedBlockingKeys`), distinct and
    /// ascending. Computed once with the row (off the writer, when ingestion or a bulk load
    /// prepares a batch): they fetch an arriving record's candidates, and are stored with the
    /// row (``storedBlocks``), from where the database copies them into `person_blocks`.
    let blockingKeys: [Int64]

    /// The row of a person with these values and contact points.
    init(
        personID: String, givenName: String?, familyName: String?, birthDate: LocalDate?, country: String?,
        contactPoints: [ContactPoint]
    ) {
        let person = Self.normalised(
            personID: personID, givenName: givenName, familyName: familyName, birthDate: birthDate, country: country,
            contactPoints: contactPoints)
        self.init(personID: personID, person: person, blockingKeys: Set(LooseMatcher.storedBlockingKeys(person)).sorted())
    }

    /// The rows of many stored people at once (a bulk-loaded batch), their blocking keys
    /// computed in one table (``LooseMatcher/storedBlockingKeys(_:)-([NormalisedPerson])``);
    /// each row equals the one ``init(personID:givenName:familyName:birthDate:country:contactPoints:)``
    /// makes.
    static func rows(of people: [Person], contactPoints: [PersonID: [ContactPoint]]) -> [PersonMatchRow] {
        let compared = people.map {
            Self.normalised(
                personID: $0.id.rawValue, givenName: $0.givenName, familyName: $0.familyName, birthDate: $0.birthDate,
                country: $0.country, contactPoints: contactPoints[$0.id] ?? [])
        }
        let keys = LooseMatcher.storedBlockingKeys(compared)
        return people.indices.map {
            PersonMatchRow(personID: people[$0].id.rawValue, person: compared[$0], blockingKeys: Set(keys[$0]).sorted())
        }
    }

    /// The person as loose matching compares them, from their values and contact points.
    private static func normalised(
        personID: String, givenName: String?, familyName: String?, birthDate: LocalDate?, country: String?,
        contactPoints: [ContactPoint]
    ) -> NormalisedPerson {
        let current = contactPoints.filter { $0.validTo == nil }.sorted { $0.isPrimary && !$1.isPrimary }
        func first(_ kind: ContactKind) -> ContactPoint? { current.first { $0.kind == kind } }
        var record = PersonRecord(id: personID)
        record[.givenName] = givenName ?? ""
        record[.surname] = familyName ?? ""
        record[.dateOfBirth] = birthDate?.description ?? ""
        record[.email] = first(.email)?.normalized ?? ""
        record[.phone] = first(.phone)?.normalized ?? ""
        if let address = first(.postal)?.address {
            record[.address1] = address.line1
            record[.address2] = address.line2 ?? ""
            record[.city] = address.city
            record[.postcode] = address.postcode ?? ""
            record[.state] = address.region ?? ""
            record[.country] = address.country
        }
        if record[.country].isEmpty { record[.country] = country ?? "" }
        return PersonNormaliser().normalise(record)
    }

    private init(personID: String, person: NormalisedPerson, blockingKeys: [Int64]) {
        self.personID = personID
        self.person = person
        self.blockingKeys = blockingKeys
    }

    /// The same fields and keys as the row of `person` (an arriving record's row for the
    /// person it creates). Only the fields are kept, as a row read back from the store has.
    func owned(by person: PersonID) -> PersonMatchRow {
        PersonMatchRow(
            personID: person.rawValue, person: NormalisedPerson(fields: self.person.fields), blockingKeys: blockingKeys)
    }

    /// The keys as the row's `blocks` column stores them: a JSON array of integers, which the
    /// triggers of migration 019 read (``BlockingRows``).
    var storedBlocks: String { Self.storedBlocks(blockingKeys) }

    /// `keys` as a `blocks` column stores them.
    static func storedBlocks(_ keys: [Int64]) -> String {
        "[" + keys.map(String.init).joined(separator: ",") + "]"
    }

    /// The statement that makes the stored row of the person equal to this one, with `?`
    /// placeholders (run by `MatchIndex` through SQLKit or a direct SQLite connection); the
    /// triggers replace the person's blocks when their keys changed.
    var upsert: (sql: String, binds: [QueryValue]) {
        (
            """
            INSERT INTO person_match_rows (person_id, fields, blocks) VALUES (?, ?, ?)
            ON CONFLICT (person_id) DO UPDATE SET fields = excluded.fields, blocks = excluded.blocks
            """, [.text(personID), .text(person.storedFields), .text(storedBlocks)]
        )
    }
}
