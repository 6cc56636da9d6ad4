import Foundation
import RapportCore
@testable import RapportStore
import SQLKit

/// People with a row in every table that references `people`, for merge tests.
struct MergeFixture {
    let store: Store
    let admin = Actor(userID: nil, name: "test-admin", role: .administrator)

    func run(_ query: SQLQueryString) async throws {
        try await store.database.sql.raw(query).run()
    }

    func person(_ given: String, _ family: String, birth: String? = nil, country: String? = "PL") async throws -> Person {
        let p = try PersonDraft(givenName: given, familyName: family, birthDate: birth, country: country)
            .validated(id: store.ids.make(), now: Date())
        try await store.people.insert(p, by: admin)
        return p
    }

    /// A touchpoint shared by every fixture person.
    func source() async throws -> String {
        let id = "src_" + store.ids.make(Person.self).rawValue.dropFirst(4)
        try await run(
            """
            INSERT INTO sources (id, name, kind, trust_rank, allowed_attributes, created_at)
            VALUES (\(bind: id), \(bind: "shop " + id), 'web', 1, 'givenName,email', \(bind: Timestamp.now()))
            """)
        return id
    }

    /// One row in each person-owned table; `email` is shared when two people are given the same.
    func fill(_ p: Person, email: String, tag: String, source: String, shared: Shared) async throws {
        let (organisation, attribute, segment) = (shared.organisation, shared.attribute, shared.segment)
        let now = Timestamp.now()
        let point = try ContactPointDraft(kind: "email", value: email)
            .validated(id: store.ids.make(), personID: p.id, organisationID: nil, defaultCountry: "PL", now: Date())
        try await store.contactPoints.insert(point, by: admin)
        let phone = try ContactPointDraft(kind: "phone", value: "+48 601 000 \(tag)")
            .validated(id: store.ids.make(), personID: p.id, organisationID: nil, defaultCountry: "PL", now: Date())
        try await store.contactPoints.insert(phone, by: admin)
        let purchase = try PurchaseDraft(
            personID: p.id.rawValue, currency: "PLN", lines: [.init(product: "Kettle \(tag)", amount: 20, margin: 5)]
        ).validated(id: store.ids.make(), now: Date())
        try await store.purchases.insert(purchase, by: admin)
        let interaction = try InteractionDraft(personID: p.id.rawValue, channel: "phone", direction: "inbound", outcome: "resolved")
            .validated(id: store.ids.make(), staff: nil, now: Date())
        try await store.interactions.insert(interaction, by: admin)
        let raw = "raw_" + store.ids.make(Person.self).rawValue.dropFirst(4)
        try await run(
            """
            INSERT INTO raw_records (id, source_id, received_at, payload, person_id, lineage)
            VALUES (\(bind: raw), \(bind: source), \(bind: now), '{}', \(bind: p.id.rawValue), \(bind: "record of " + tag))
            """)
        try await run(
            """
            INSERT INTO person_keys (kind, value, person_id, source_id, created_at)
            VALUES ('customer_number', \(bind: "C-" + tag), \(bind: p.id.rawValue), \(bind: source), \(bind: now))
            """)
        try await run(
            "INSERT INTO memberships (person_id, organisation_id, role) VALUES (\(bind: p.id.rawValue), \(bind: organisation), 'buyer')")
        try await run(
            """
            INSERT INTO attribute_values (person_id, attribute_id, value_text, updated_at)
            VALUES (\(bind: p.id.rawValue), \(bind: attribute), \(bind: "value " + tag), \(bind: now))
            """)
        try await run(
            "INSERT INTO segment_members (segment_id, person_id, added_at) VALUES (\(bind: segment), \(bind: p.id.rawValue), \(bind: now))")
        try await run(
            """
            INSERT INTO value_scores (person_id, currency, model_id, frequency, p_alive, expected_purchases, horizon_weeks, months)
            VALUES (\(bind: p.id.rawValue), 'PLN', \(bind: shared.model), 1, 0.5, 1.5, 52, 12)
            """)
        try await run(
            """
            INSERT INTO rfm_scores (person_id, currency, recency, frequency, monetary, segment, bins, scored_at)
            VALUES (\(bind: p.id.rawValue), 'PLN', 3, 2, 1, 'loyal', 5, \(bind: now))
            """)
    }

    /// An organisation, attribute, frozen segment and value model people can share.
    struct Shared {
        let organisation: String
        let attribute: String
        let segment: String
        let model: String
    }

    func shared(_ tag: String) async throws -> Shared {
        let now = Timestamp.now()
        let organisation = "org_" + store.ids.make(Person.self).rawValue.dropFirst(4)
        try await run(
            """
            INSERT INTO organisations (id, name, search_name, kind, created_at, updated_at)
            VALUES (\(bind: organisation), 'Zelmer', 'zelmer', 'customer', \(bind: now), \(bind: now))
            """)
        let attribute = "atr_" + store.ids.make(Person.self).rawValue.dropFirst(4)
        try await run(
            """
            INSERT INTO attribute_definitions (id, key, label, type, choices, purpose, created_at)
            VALUES (\(bind: attribute), \(bind: "hobby_" + tag), 'Hobby', 'text', '[]', 'analytics', \(bind: now))
            """)
        let segment = "seg_" + store.ids.make(Person.self).rawValue.dropFirst(4)
        try await run(
            """
            INSERT INTO segments (id, key, name, purpose, kind, created_by, created_at, updated_by, updated_at)
            VALUES (\(bind: segment), \(bind: "frozen_" + tag), 'Frozen list', 'reporting', 'frozen', 't', \(bind: now), 't', \(bind: now))
            """)
        try await run(
            """
            INSERT INTO value_models (id, currency, fitted_at, calibration_end, customers, parameters)
            VALUES (\(bind: "vmd_" + tag), 'PLN', \(bind: now), \(bind: now), 2, '{}')
            """)
        return Shared(organisation: organisation, attribute: attribute, segment: segment, model: "vmd_" + tag)
    }

    /// An open review of `person` against `candidate` with a stored explanation.
    @discardableResult
    func review(_ person: PersonID, _ candidate: PersonID, probability: Double, explanation: String = #"{"fields":[]}"#)
        async throws -> MatchReviewID
    {
        let id: MatchReviewID = store.ids.make()
        try await run(
            """
            INSERT INTO match_reviews (id, person_id, candidate_id, probability, total_weight, explanation, origin, status, created_at)
            VALUES (\(bind: id.rawValue), \(bind: person.rawValue), \(bind: candidate.rawValue), \(bind: probability), 3.5,
              \(bind: explanation), 'ingestion', 'open', \(bind: Timestamp.now()))
            """)
        return id
    }

    /// Every (table, column) with a foreign key to `people`, read from the schema.
    func peopleReferences() async throws -> [(table: String, column: String)] {
        let sql: String =
            store.database.kind == .sqlite
            ? """
            SELECT m.name AS t, f."from" AS c FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND f."table" = 'people'
            """
            : """
            SELECT tc.table_name AS t, kcu.column_name AS c FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
            JOIN information_schema.constraint_column_usage ccu
              ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'people' AND tc.table_schema = current_schema()
            """
        return try await store.database.sql.raw("\(unsafeRaw: sql)").all().map {
            (try $0.decode(column: "t", as: String.self), try $0.decode(column: "c", as: String.self))
        }
    }

    /// How many rows of every person-referencing table point at each of `people`.
    func census(_ people: [PersonID]) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (table, column) in try await peopleReferences() {
            for person in people {
                let row = try await store.database.sql.raw(
                    "SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) = \(bind: person.rawValue)"
                ).first()
                counts["\(table).\(column)@\(person)"] = try row?.decode(column: "n", as: Int.self) ?? 0
            }
        }
        return counts
    }

    /// The 360 as JSON, with the profile's `updatedAt` left out (a merge and an unmerge touch it).
    func view(_ id: PersonID) async throws -> String {
        var view = try await store.customers.view(of: id, by: admin)
        view.person.updatedAt = Date(timeIntervalSince1970: 0)
        // A merge and its unmerge touch both people, so a housemate's update time moves too.
        for index in view.householdMembers.indices { view.householdMembers[index].updatedAt = Date(timeIntervalSince1970: 0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(view), as: UTF8.self)
    }
}
