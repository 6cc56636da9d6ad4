import Foundation
import RapportCore
import SQLKit

/// Strict resolution (R1.7): finds the person a record's deterministic keys point to.
///
/// A key is looked up in `person_keys` first. E-mail and phone keys fall back to current
/// contact points, so people entered before ingestion existed (API, import, demo) are
/// found too — but only when exactly one person has that address or number: a shared
/// family phone decides nothing. Keys are tried strongest first (``PersonKey/precedence``);
/// a weaker key that points elsewhere is reported, never merged.
enum PersonKeyIndex {
    struct Resolution: Sendable, Equatable {
        let personID: PersonID
        let reason: String
    }

    /// Serialises transactions that resolve the same key, so two records arriving at once
    /// with a new e-mail cannot both create a person. SQLite's `BEGIN IMMEDIATE` already
    /// serialises every writer; PostgreSQL takes a transaction-scoped advisory lock per key,
    /// in a fixed order so that two records never wait for each other.
    static func lock(_ keys: [PersonKey], kind: Database.Kind, on db: any SQLDatabase) async throws {
        guard kind == .postgres else { return }
        for name in Set(keys.map(\.name)).sorted() {
            try await db.raw("SELECT pg_advisory_xact_lock(7264102, hashtext(\(bind: name)))").run()
        }
    }

    /// The person `keys` point to, if any. Two statements however many keys: every key's
    /// `person_keys` row at once, then the contact-point fallback for the e-mails and phones
    /// that have none (an ingested record makes these lookups for every key it carries).
    static func resolve(_ keys: [PersonKey], on db: any SQLDatabase) async throws -> Resolution? {
        guard !keys.isEmpty else { return nil }
        let claimed = try await claimedPeople(keys, on: db)
        let fallback = try await soleHolders(
            keys.filter { claimed[$0.name] == nil && ($0.kind == .email || $0.kind == .phone) }, on: db)
        var found: (person: PersonID, key: PersonKey)?
        var disagreements: [String] = []
        for key in keys {
            guard let person = claimed[key.name] ?? fallback[key.name] else { continue }
            if let winner = found {
                if person != winner.person { disagreements.append("\(key.field) points to \(person) (kept apart)") }
            } else {
                found = (person, key)
            }
        }
        guard let found else { return nil }
        let reason = (["\(found.key.field) = \(display(found.key))"] + disagreements).joined(separator: "; ")
        return Resolution(personID: found.person, reason: reason)
    }

    /// The person of one key: its `person_keys` row, or for an e-mail or phone the one
    /// current holder of that contact point.
    static func lookup(_ key: PersonKey, on db: any SQLDatabase) async throws -> PersonID? {
        if let person = try await claimedPeople([key], on: db)[key.name] { return person }
        guard key.kind == .email || key.kind == .phone else { return nil }
        return try await soleHolders([key], on: db)[key.name]
    }

    /// The `person_keys` holder of each of `keys` that has one, by ``PersonKey/name``.
    private static func claimedPeople(_ keys: [PersonKey], on db: any SQLDatabase) async throws -> [String: PersonID] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await db.rows(
            "SELECT kind, value, person_id FROM person_keys WHERE "
                + keys.map { _ in "(kind = ? AND value = ?)" }.joined(separator: " OR "),
            keys.flatMap { [QueryValue.text($0.kind.rawValue), .text($0.value)] })
        var people: [String: PersonID] = [:]
        for row in rows { people["\(try row.text("kind")):\(try row.text("value"))"] = try row.id("person_id") }
        return people
    }

    /// For each e-mail or phone key, the person holding it as a current contact point, when
    /// exactly one unmerged person does: a shared family phone decides nothing.
    private static func soleHolders(_ keys: [PersonKey], on db: any SQLDatabase) async throws -> [String: PersonID] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await db.rows(
            """
            SELECT kind, normalized, MIN(person_id) AS person_id, COUNT(DISTINCT person_id) AS holders
            FROM contact_points
            WHERE (\(keys.map { _ in "(normalized = ? AND kind = ?)" }.joined(separator: " OR ")))
              AND person_id IS NOT NULL AND valid_to IS NULL
              AND NOT EXISTS (SELECT 1 FROM people m WHERE m.id = contact_points.person_id AND m.merged_into_id IS NOT NULL)
            GROUP BY kind, normalized
            """, keys.flatMap { [QueryValue.text($0.value), .text($0.kind.rawValue)] })
        var people: [String: PersonID] = [:]
        for row in rows where try row.integer("holders") == 1 {
            people["\(try row.text("kind")):\(try row.text("normalized"))"] = try row.id("person_id")
        }
        return people
    }

    /// Records `keys` for `person` in one statement; a key already held (by them or anyone)
    /// is left as is.
    static func claim(_ keys: [PersonKey], for person: PersonID, source: SourceID, now: Date, on db: any SQLDatabase) async throws {
        guard !keys.isEmpty else { return }
        let at = Timestamp.format(now)
        try await db.run(
            "INSERT INTO person_keys (kind, value, person_id, source_id, created_at) VALUES "
                + keys.map { _ in "(?, ?, ?, ?, ?)" }.joined(separator: ", ") + " ON CONFLICT (kind, value) DO NOTHING",
            keys.flatMap {
                [QueryValue.text($0.kind.rawValue), .text($0.value), .text(person.rawValue), .text(source.rawValue), .text(at)]
            })
    }

    /// The key as people read it: the customer number without its touchpoint prefix.
    static func display(_ key: PersonKey) -> String {
        key.kind == .externalID ? String(key.value.split(separator: ":", maxSplits: 1).last ?? "") : key.value
    }
}

extension PersonKey {
    /// `kind:value`, as the lookups index their answers (and ``BatchWrites`` the keys a batch
    /// wrote; an e-mail or phone key's value is the contact point's normalised form).
    var name: String { "\(kind.rawValue):\(value)" }
}
