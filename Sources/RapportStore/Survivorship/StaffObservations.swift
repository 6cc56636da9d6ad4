import Foundation
import RapportCore
import SQLKit

/// What staff entered for a person through the API or the UI, kept as observations of the
/// built-in "Staff" source (``PersonObservations/staff``): the latest value per attribute. A
/// field staff cleared is an empty observation, so "staff say there is no language" can win
/// where the attribute's setting keeps empty values.
enum StaffObservations {
    /// Records `values` (attribute → value, nil for cleared) as observed by `actor` at `now`.
    static func record(
        _ values: [(GoldenAttribute, String?)], for person: PersonID, by actorName: String, at now: Date,
        on db: any SQLDatabase
    ) async throws {
        for (attribute, value) in values {
            try await db.raw(
                """
                INSERT INTO staff_observations (person_id, attribute, value, observed_at, actor_name)
                VALUES (\(bind: person.rawValue), \(bind: attribute.rawValue), \(bind: value), \(bind: Timestamp.format(now)),
                  \(bind: actorName))
                ON CONFLICT (person_id, attribute) DO UPDATE SET value = excluded.value,
                  observed_at = excluded.observed_at, actor_name = excluded.actor_name
                """
            ).run()
        }
    }

    /// The profile values a patch touched, after it was applied to `person`.
    static func touched(by patch: PersonPatch, in person: Person) -> [(GoldenAttribute, String?)] {
        let values = GoldenAttribute.profileValues(of: person)
        return patch.touchedFields.compactMap { field -> (GoldenAttribute, String?)? in
            guard let attribute = GoldenAttribute(rawValue: field), let value = values[attribute] else { return nil }
            return (attribute, value)
        }
    }

    /// The values of a person staff created: every profile attribute they filled in.
    static func entered(in person: Person) -> [(GoldenAttribute, String?)] {
        let values = GoldenAttribute.profileValues(of: person)
        return GoldenAttribute.allCases.compactMap { attribute -> (GoldenAttribute, String?)? in
            guard let value = values[attribute] ?? nil else { return nil }
            return (attribute, value)
        }
    }

    /// Once per person who did not come from ingestion (bulk loads, the demo, people stored
    /// before survivorship) and has no staff observation yet: their stored profile and primary
    /// contact points become staff observations as of their creation, so a record that later
    /// matches them does not simply replace what was there.
    static func seedIfNeeded(_ person: Person, on db: any SQLDatabase) async throws {
        let id = person.id.rawValue
        let known = try await db.rows(
            """
            SELECT 1 AS known FROM staff_observations WHERE person_id = ?
            UNION ALL SELECT 1 FROM raw_records WHERE person_id = ? AND outcome = 'created' LIMIT 1
            """, [.text(id), .text(id)]
        ).first
        guard known == nil else { return }
        var values = entered(in: person)
        let primaries = try await db.raw(
            """
            SELECT kind, normalized FROM contact_points
            WHERE person_id = \(bind: id) AND valid_to IS NULL AND is_primary = 1 AND kind IN ('email', 'phone')
            ORDER BY kind, created_at, id
            """
        ).all()
        for row in primaries {
            guard let attribute = GoldenAttribute(rawValue: try row.text("kind")),
                !values.contains(where: { $0.0 == attribute })
            else { continue }
            values.append((attribute, try row.text("normalized")))
        }
        try await record(values, for: person.id, by: "initial profile", at: person.createdAt, on: db)
    }
}
