import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// Applies survivorship to one stored person (R1.3): gathers what every source said
/// (``PersonObservations``), runs ``Survivorship`` with the stored policy, writes the winners to
/// `people` (names, search keys and all) and the primary flags of their e-mail addresses and
/// phone numbers, and keeps per attribute which source and raw record won and why in
/// `golden_values`. A change is audited and announced (`person.updated`) in the caller's
/// transaction.
///
/// Attributes no source ever supplied are left as they are. A result that would leave the
/// person with neither a given nor a family name keeps the names they have: a person needs one.
///
/// When a name, the birth date, the country or a primary e-mail or phone changes, the person's
/// matching row (``MatchIndex``) is brought up to date in the same transaction, so loose
/// matching and its blocking keys compare arriving records with the profile as it now is.
struct GoldenProfiles: Sendable {
    let audit: AuditTrail
    let outbox: EventOutbox

    /// What one refresh changed: the profile attributes and primary contact points rewritten,
    /// and whether any golden value or its explanation moved.
    struct Change: Sendable {
        var profile: [String] = []
        var explanations = false
        /// Whether the person's matching row was brought up to date (a compared attribute changed).
        var matchRowRefreshed = false
        /// The blocking keys the person's row left or joined, or whose row in them changed.
        var rewrittenBlocks: [Int64] = []
        var profileChanged: Bool { !profile.isEmpty }
    }

    /// The attributes of the profile that the matching row compares: the names, birth date and
    /// country, and the primary e-mail and phone (the row takes the primary one of each kind).
    static let matchedAttributes: Set<String> = [
        GoldenAttribute.givenName, .familyName, .birthDate, .country, .email, .phone,
    ].reduce(into: []) { $0.insert($1.rawValue) }

    /// Recomputes `person` on `db` under `policy` (the stored one when nil). `cause` goes into
    /// the audit entry, e.g. "ingested raw_…".
    @discardableResult
    func refresh(
        _ person: PersonID, policy: SurvivorshipPolicy? = nil, cause: String, by actor: Actor, on db: any SQLDatabase
    ) async throws -> Change {
        guard let row = try await db.rows("SELECT * FROM people WHERE id = ?", [.text(person.rawValue)]).first else {
            return Change()
        }
        let current = try PersonRepository.person(from: row)
        try await StaffObservations.seedIfNeeded(current, on: db)
        var rules = policy
        if rules == nil { rules = try await SurvivorshipPolicyStore.policy(on: db) }
        let observations = try await PersonObservations.gather(for: person, on: db)
        let profile = Survivorship(policy: rules ?? .standard).goldenProfile(from: observations)
        var change = Change()
        change.profile = try await writeProfile(profile, over: current, on: db)
        change.profile += try await writePrimaries(profile, of: person, on: db)
        if change.profile.contains(where: Self.matchedAttributes.contains) {
            change.rewrittenBlocks = try await MatchIndex.refresh(person, on: db)
            change.matchRowRefreshed = true
        }
        change.explanations = try await writeExplanations(profile, of: person, on: db)
        if change.profileChanged {
            try await audit.record(
                .update, entityType: "person", entityID: person.rawValue,
                detail: "survivorship (\(cause)): " + change.profile.joined(separator: ", "), by: actor, on: db)
            try await outbox.record(.personUpdated, entityID: person.rawValue, on: db)
        }
        return change
    }

    /// Writes the golden profile values that differ from `current`; returns their attributes.
    private func writeProfile(_ profile: GoldenProfile, over current: Person, on db: any SQLDatabase) async throws
        -> [String]
    {
        var p = current
        func golden(_ attribute: GoldenAttribute) -> String?? { profile[attribute.rawValue].map(\.value) }
        if let value = golden(.givenName) { p.givenName = value }
        if let value = golden(.familyName) { p.familyName = value }
        if p.givenName == nil && p.familyName == nil {
            p.givenName = current.givenName
            p.familyName = current.familyName
        }
        if let value = golden(.birthDate) { p.birthDate = value.flatMap(LocalDate.init(iso:)) }
        if let value = golden(.gender) { p.gender = value.flatMap(Gender.init(rawValue:)) }
        if let value = golden(.language) { p.language = value }
        if let value = golden(.country) { p.country = value }
        let before = GoldenAttribute.profileValues(of: current)
        let after = GoldenAttribute.profileValues(of: p)
        let changed = GoldenAttribute.allCases.filter { before[$0] != after[$0] }.map(\.rawValue)
        guard !changed.isEmpty else { return [] }
        try await db.run(
            """
            UPDATE people SET given_name = ?, family_name = ?, display_name = ?, search_name = ?, search_family = ?,
              birth_date = ?, gender = ?, language = ?, country = ?, updated_at = ?
            WHERE id = ?
            """,
            [.text(p.givenName), .text(p.familyName), .text(p.displayName), .text(SearchText.fold(p.displayName)),
             .text(PersonRepository.familyKey(p)), .text(p.birthDate?.description), .text(p.gender?.rawValue),
             .text(p.language), .text(p.country), .text(Timestamp.now()), .text(p.id.rawValue)])
        return changed
    }

    /// Makes the winning e-mail address and phone number the primary current ones of their
    /// kind; returns the attributes whose primary moved.
    private func writePrimaries(_ profile: GoldenProfile, of person: PersonID, on db: any SQLDatabase) async throws
        -> [String]
    {
        var changed: [String] = []
        for attribute in GoldenAttribute.allCases {
            guard let kind = attribute.contactKind, let winner = profile[attribute.rawValue]?.value else { continue }
            let wrong = try await db.rows(
                """
                SELECT id FROM contact_points WHERE person_id = ? AND kind = ?
                  AND valid_to IS NULL AND is_primary <> (CASE WHEN normalized = ? THEN 1 ELSE 0 END)
                """, [.text(person.rawValue), .text(kind.rawValue), .text(winner)])
            guard !wrong.isEmpty else { continue }
            try await db.run(
                """
                UPDATE contact_points SET is_primary = (CASE WHEN normalized = ? THEN 1 ELSE 0 END)
                WHERE person_id = ? AND kind = ? AND valid_to IS NULL
                """, [.text(winner), .text(person.rawValue), .text(kind.rawValue)])
            changed.append(attribute.rawValue)
        }
        return changed
    }

    /// How explanations are stored: sorted keys, so an unchanged explanation is the same text.
    private static let explanationEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Stores each golden value with its explanation where it differs from the stored one, and
    /// drops stored ones no longer observed; returns whether anything was written.
    private func writeExplanations(_ profile: GoldenProfile, of person: PersonID, on db: any SQLDatabase) async throws
        -> Bool
    {
        var stored = try await StoredGoldenValue.storedExplanations(of: person, on: db)
        let encoder = Self.explanationEncoder
        var wrote = false
        let now = Timestamp.now()
        for golden in profile.values {
            let explanation = String(decoding: try encoder.encode(golden), as: UTF8.self)
            defer { stored[golden.attribute] = nil }
            guard stored[golden.attribute] != explanation else { continue }
            wrote = true
            try await db.run(
                """
                INSERT INTO golden_values (person_id, attribute, value, source_id, source_name, raw_record_id, rule, reason,
                  explanation, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (person_id, attribute) DO UPDATE SET value = excluded.value, source_id = excluded.source_id,
                  source_name = excluded.source_name, raw_record_id = excluded.raw_record_id, rule = excluded.rule,
                  reason = excluded.reason, explanation = excluded.explanation, computed_at = excluded.computed_at
                """,
                [.text(person.rawValue), .text(golden.attribute), .text(golden.value), .text(golden.source?.id.rawValue),
                 .text(golden.source?.name), .text(golden.explanation.winner?.rawRecordID?.rawValue),
                 .text(golden.explanation.rule.rawValue), .text(golden.explanation.reason), .text(explanation), .text(now)])
        }
        for attribute in stored.keys {
            wrote = true
            try await db.run(
                "DELETE FROM golden_values WHERE person_id = ? AND attribute = ?", [.text(person.rawValue), .text(attribute)])
        }
        return wrote
    }
}
