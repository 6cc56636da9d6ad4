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
    struct Resolution {
        let personID: PersonID
        let reason: String
    }

    /// Serialises transactions that resolve the same key, so two records arriving at once
    /// with a new e-mail cannot both create a person. SQLite's `BEGIN IMMEDIATE` already
    /// serialises every writer; PostgreSQL takes a transaction-scoped advisory lock per key,
    /// in a fixed order so that two records never wait for each other.
    static func lock(_ keys: [PersonKey], kind: Database.Kind, on db: any SQLDatabase) async throws {
        guard kind == .postgres else { return }
        for name in Set(keys.map { "\($0.kind.rawValue):\($0.value)" }).sorted() {
            try await db.raw("SELECT pg_advisory_xact_lock(7264102, hashtext(\(bind: name)))").run()
        }
    }

    static func resolve(_ keys: [PersonKey], on db: any SQLDatabase) async throws -> Resolution? {
        var found: (person: PersonID, key: PersonKey)?
        var disagreements: [String] = []
        for key in keys {
            guard let person = try await lookup(key, on: db) else { continue }
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

    static func lookup(_ key: PersonKey, on db: any SQLDatabase) async throws -> PersonID? {
        let row = try await db.raw(
            "SELECT person_id FROM person_keys WHERE kind = \(bind: key.kind.rawValue) AND value = \(bind: key.value)"
        ).first()
        if let row { return try row.id("person_id") }
        guard key.kind == .email || key.kind == .phone else { return nil }
        let rows = try await db.raw(
            """
            SELECT DISTINCT person_id FROM contact_points
            WHERE normalized = \(bind: key.value) AND kind = \(bind: key.kind.rawValue) AND person_id IS NOT NULL
              AND valid_to IS NULL
              AND NOT EXISTS (SELECT 1 FROM people m WHERE m.id = contact_points.person_id AND m.merged_into_id IS NOT NULL)
            LIMIT 2
            """
        ).all()
        guard rows.count == 1 else { return nil }
        return try rows[0].id("person_id")
    }

    /// Records `keys` for `person`; a key already held (by them or anyone) is left as is.
    static func claim(_ keys: [PersonKey], for person: PersonID, source: SourceID, now: Date, on db: any SQLDatabase) async throws {
        for key in keys {
            try await db.raw(
                """
                INSERT INTO person_keys (kind, value, person_id, source_id, created_at)
                VALUES (\(bind: key.kind.rawValue), \(bind: key.value), \(bind: person.rawValue), \(bind: source.rawValue),
                  \(bind: Timestamp.format(now)))
                ON CONFLICT (kind, value) DO NOTHING
                """
            ).run()
        }
    }

    /// The key as people read it: the customer number without its touchpoint prefix.
    static func display(_ key: PersonKey) -> String {
        key.kind == .externalID ? String(key.value.split(separator: ":", maxSplits: 1).last ?? "") : key.value
    }
}
