import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// What every source said about one person, as survivorship observations: each raw record
/// resolved to them (matched or created by ingestion), read again in its normalised form, and
/// what staff entered (``StaffObservations``).
///
/// A raw record speaks only for the fields it carries: a key present but empty (`""`, `null`)
/// is an empty observation, a key left out is no observation. E-mail and phone observations
/// count only for addresses and numbers that are still current contact points of the person,
/// since only those can be made primary.
enum PersonObservations {
    /// The built-in source of staff edits: trust rank 0, above every touchpoint (1…100), so a
    /// correction by staff wins under the trusted-source rule.
    static let staff = ObservationSource(id: SourceID(rawValue: "src_staff"), name: "Staff", trustRank: 0)

    static func gather(for person: PersonID, on db: any SQLDatabase) async throws -> [SourceObservation] {
        var observations = try await fromRawRecords(of: person, on: db)
        observations += try await db.rows(
            "SELECT attribute, value, observed_at FROM staff_observations WHERE person_id = ?", [.text(person.rawValue)]
        ).map { row in
            SourceObservation(
                attribute: try row.text("attribute"), value: try row.optionalText("value"), source: staff,
                observedAt: try row.instant("observed_at"))
        }
        let current = try await db.rows(
            """
            SELECT kind, normalized FROM contact_points
            WHERE person_id = ? AND valid_to IS NULL AND kind IN ('email', 'phone')
            """, [.text(person.rawValue)]
        ).map { "\(try $0.text("kind"))|\(try $0.text("normalized"))" }
        let currentSet = Set(current)
        return observations.filter { observation in
            guard let kind = GoldenAttribute(rawValue: observation.attribute)?.contactKind else { return true }
            guard let value = observation.value, !observation.isEmpty else { return true }
            return currentSet.contains("\(kind.rawValue)|\(value)")
        }
    }

    private static func fromRawRecords(of person: PersonID, on db: any SQLDatabase) async throws -> [SourceObservation] {
        let rows = try await db.rows(
            """
            SELECT r.id AS raw_id, r.received_at, r.payload, s.* FROM raw_records r JOIN sources s ON s.id = r.source_id
            WHERE r.person_id = ? AND r.outcome IN ('matched', 'created')
            """, [.text(person.rawValue)])
        var observations: [SourceObservation] = []
        for row in rows {
            let touchpoint = try SourceRepository.touchpoint(from: row)
            observations += observed(
                payload: try row.text("payload"), rawID: try row.id("raw_id"), receivedAt: try row.instant("received_at"),
                touchpoint: touchpoint)
        }
        return observations
    }

    /// The observations in one raw record's payload; none when it no longer reads as a record.
    static func observed(payload: String, rawID: RawRecordID, receivedAt: Date, touchpoint: Touchpoint)
        -> [SourceObservation]
    {
        let data = Data(payload.utf8)
        guard let fields = try? JSONDecoder().decode([String: JSONValue].self, from: data),
            let record = try? JSONDecoder().decode(IngestRecord.self, from: data)
        else { return [] }
        // The record was checked against the touchpoint's allowed attributes when it arrived;
        // reading it again ignores them, and the engine sets aside what the touchpoint may not
        // supply now (country, which every touchpoint may send, stays allowed).
        var open = touchpoint
        open.allowedAttributes = []
        guard case .success(let normalised) = record.normalised(for: open, ids: .live, now: receivedAt) else { return [] }
        var source = ObservationSource(touchpoint)
        if !source.allowedAttributes.isEmpty { source.allowedAttributes.append(GoldenAttribute.country.rawValue) }
        let values: [GoldenAttribute: String?] = [
            .givenName: normalised.givenName, .familyName: normalised.familyName,
            .birthDate: normalised.birthDate?.description, .gender: normalised.gender?.rawValue,
            .language: normalised.language, .country: normalised.country,
            .email: normalised.contactPoints.first { $0.kind == .email }?.normalized,
            .phone: normalised.contactPoints.first { $0.kind == .phone }?.normalized,
        ]
        return GoldenAttribute.allCases.compactMap { attribute in
            guard fields[attribute.rawValue] != nil, let value = values[attribute] else { return nil }
            return SourceObservation(
                attribute: attribute.rawValue, value: value, source: source, observedAt: receivedAt, rawRecordID: rawID)
        }
    }
}
