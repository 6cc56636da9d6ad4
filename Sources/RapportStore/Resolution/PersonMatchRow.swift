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
    /// ascending. Computed once with the row (off the writer, when ingestion prepares a batch):
    /// they fetch an arriving record's candidates and, if it becomes a new person, are written
    /// as that person's blocks. Empty for a row made `withoutKeys`.
    let blockingKeys: [Int64]

    /// The row of a person with these values and contact points; `withoutKeys` leaves the
    /// blocking keys out, for a bulk load that computes them at its end (``BulkLoadDeferral``).
    init(
        personID: String, givenName: String?, familyName: String?, birthDate: LocalDate?, country: String?,
        contactPoints: [ContactPoint], withoutKeys: Bool = false
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
        let person = PersonNormaliser().normalise(record)
        self.person = person
        blockingKeys = withoutKeys ? [] : Set(LooseMatcher.storedBlockingKeys(person)).sorted()
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

    /// The INSERT of the person's blocking keys only (for a person whose old keys are gone):
    /// one multi-row statement, none without keys. Its text depends only on the number of keys
    /// (at most one per `BlockingKey`), so a direct connection prepares each form once.
    var insertBlockStatements: [(sql: String, binds: [QueryValue])] {
        guard !blockingKeys.isEmpty else { return [] }
        let values = Array(repeating: "(?, ?)", count: blockingKeys.count).joined(separator: ", ")
        return [
            (
                "INSERT INTO person_blocks (block_key, person_id) VALUES \(values) ON CONFLICT DO NOTHING",
                blockingKeys.flatMap { [QueryValue.integer($0), .text(personID)] }
            )
        ]
    }
}
