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

    /// The row of a person with these values and contact points.
    init(
        personID: String, givenName: String?, familyName: String?, birthDate: LocalDate?, country: String?,
        contactPoints: [ContactPoint]
    ) {
        self.personID = personID
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
        person = PersonNormaliser().normalise(record)
    }

    /// The row of a person read back from `person_match_rows`.
    init(personID: String, storedFields: String) {
        self.personID = personID
        person = NormalisedPerson(fields: NormalisedPerson.fields(stored: storedFields))
    }

    /// The same fields as the row of `person` (an arriving record's row for the person it creates).
    func owned(by person: PersonID) -> PersonMatchRow {
        PersonMatchRow(personID: person.rawValue, storedFields: self.person.storedFields)
    }

    /// The row as a candidate for `LooseMatcher`.
    var candidate: LooseMatcher.Candidate { LooseMatcher.Candidate(id: personID, fields: person.fields) }

    /// The statements that make the stored row and blocks of the person equal to this one, with
    /// `?` placeholders (run by `MatchIndex` through SQLKit or a direct SQLite connection).
    var statements: [(sql: String, binds: [QueryValue])] {
        [
            ("DELETE FROM person_blocks WHERE person_id = ?", [.text(personID)]),
            (
                """
                INSERT INTO person_match_rows (person_id, fields) VALUES (?, ?)
                ON CONFLICT (person_id) DO UPDATE SET fields = excluded.fields
                """, [.text(personID), .text(person.storedFields)]
            ),
        ] + insertBlockStatements
    }

    /// The INSERTs of the person's blocking keys only (for a person whose old keys are gone).
    var insertBlockStatements: [(sql: String, binds: [QueryValue])] {
        Set(LooseMatcher.storedBlockingKeys(person)).sorted().map {
            (
                "INSERT INTO person_blocks (block_key, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [.integer($0), .text(personID)]
            )
        }
    }
}
