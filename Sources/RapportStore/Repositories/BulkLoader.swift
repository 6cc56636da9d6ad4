import Foundation
import RapportCore
import SQLKit

/// Loads large batches fast: one transaction per batch, multi-row INSERTs sized to stay
/// under both databases' bind limits, one audit entry per batch instead of one per row.
public struct BulkLoader: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Inserts every record of `batch`, all or nothing.
    public func load(_ batch: RecordBatch, by actor: Actor) async throws {
        try await store.database.transaction { db in
            try await insert(db, "sources", ["id", "name", "kind", "trust_rank", "allowed_attributes", "created_at"], batch.sources) {
                [$0.id.rawValue, $0.name, $0.kind.rawValue, $0.trustRank, $0.allowedAttributes.joined(separator: ","), Timestamp.format($0.createdAt)]
            }
            try await insert(db, "households", ["id", "name", "created_at"], batch.households) {
                [$0.id.rawValue, $0.name, Timestamp.format($0.createdAt)]
            }
            try await insert(db, "users", ["id", "username", "display_name", "role", "password_hash", "disabled", "created_at"], batch.users) {
                // Users loaded in bulk (demo staff) cannot sign in: "!" is no valid bcrypt hash.
                [$0.id.rawValue, $0.username, $0.displayName, $0.role.rawValue, "!", $0.disabled ? 1 : 0, Timestamp.format($0.createdAt)]
            }
            try await insertOrganisations(batch.organisations, on: db)
            try await insert(
                db, "people",
                ["id", "household_id", "given_name", "family_name", "display_name", "search_name", "search_family", "birth_date",
                 "gender", "language", "country", "status", "owner_user_id", "created_at", "updated_at"], batch.people
            ) { p in
                [p.id.rawValue, p.householdID?.rawValue, p.givenName, p.familyName, p.displayName, SearchText.fold(p.displayName),
                 PersonRepository.familyKey(p), p.birthDate?.description, p.gender?.rawValue, p.language, p.country,
                 p.status.rawValue, p.ownerUserID?.rawValue, Timestamp.format(p.createdAt), Timestamp.format(p.updatedAt)]
            }
            try await insert(db, "memberships", ["person_id", "organisation_id", "role", "since", "until"], batch.memberships) {
                [$0.personID.rawValue, $0.organisationID.rawValue, $0.role, $0.since?.description, $0.until?.description]
            }
            try await insert(
                db, "contact_points",
                ["id", "person_id", "organisation_id", "kind", "value", "normalized", "label", "line1", "line2", "city", "postcode",
                 "region", "country", "valid_from", "valid_to", "is_primary", "source_id", "created_at"], batch.contactPoints
            ) { c in
                [c.id.rawValue, c.personID?.rawValue, c.organisationID?.rawValue, c.kind.rawValue, c.value, c.normalized, c.label,
                 c.address?.line1, c.address?.line2, c.address?.city, c.address?.postcode, c.address?.region, c.address?.country,
                 c.validFrom?.description, c.validTo?.description, c.isPrimary ? 1 : 0, c.sourceID?.rawValue, Timestamp.format(c.createdAt)]
            }
            try await insert(db, "raw_records", ["id", "source_id", "received_at", "payload", "person_id", "lineage"], batch.rawRecords) {
                [$0.id.rawValue, $0.sourceID.rawValue, Timestamp.format($0.receivedAt), $0.payload, $0.personID?.rawValue, $0.lineage]
            }
            try await insert(
                db, "purchases",
                ["id", "person_id", "organisation_id", "kind", "channel", "occurred_at", "currency", "total_minor", "margin_minor",
                 "reference", "source_id"], batch.purchases
            ) { p in
                [p.id.rawValue, p.personID?.rawValue, p.organisationID?.rawValue, p.kind.rawValue, p.channel?.rawValue,
                 Timestamp.format(p.occurredAt), p.total.currency, p.total.minorUnits, p.margin.minorUnits, p.reference, p.sourceID?.rawValue]
            }
            let lines = batch.purchases.flatMap { p in p.lines.enumerated().map { (p.id, $0.offset + 1, $0.element) } }
            try await insert(
                db, "purchase_lines", ["purchase_id", "line_no", "product", "brand", "quantity", "amount_minor", "margin_minor"], lines
            ) { l in
                [l.0.rawValue, l.1, l.2.product, l.2.brand, l.2.quantity, l.2.amount.minorUnits, l.2.margin.minorUnits]
            }
            try await insert(
                db, "interactions",
                ["id", "person_id", "organisation_id", "channel", "direction", "staff_user_id", "staff_name", "outcome", "subject",
                 "notes", "occurred_at", "source_id"], batch.interactions
            ) { i in
                [i.id.rawValue, i.personID.rawValue, i.organisationID?.rawValue, i.channel.rawValue, i.direction.rawValue,
                 i.staffUserID?.rawValue, i.staffName, i.outcome.rawValue, i.subject, i.notes, Timestamp.format(i.occurredAt),
                 i.sourceID?.rawValue]
            }
            if !batch.people.isEmpty {
                try await store.audit.record(
                    .create, entityType: "person", entityID: "*", detail: "bulk load: \(batch.people.count) people", by: actor, on: db)
            }
        }
    }

    /// Parents before children: an organisation may name another of the same batch as
    /// parent or principal, so those without in-batch references go first.
    private func insertOrganisations(_ organisations: [Organisation], on db: any SQLDatabase) async throws {
        let ids = Set(organisations.map(\.id))
        let (later, first) = organisations.partitioned {
            ($0.parentID.map(ids.contains) ?? false) || ($0.resellerOfID.map(ids.contains) ?? false)
        }
        for group in [first, later] {
            try await insert(
                db, "organisations",
                ["id", "name", "search_name", "kind", "parent_id", "reseller_of_id", "country", "registration_number", "created_at", "updated_at"],
                group
            ) { o in
                [o.id.rawValue, o.name, SearchText.fold(o.name), o.kind.rawValue, o.parentID?.rawValue, o.resellerOfID?.rawValue,
                 o.country, o.registrationNumber, Timestamp.format(o.createdAt), Timestamp.format(o.updatedAt)]
            }
        }
    }

    /// Multi-row INSERT in chunks of at most ~30 000 bound values.
    private func insert<Row>(
        _ db: any SQLDatabase, _ table: String, _ columns: [String], _ rows: [Row],
        values: (Row) -> [any Encodable & Sendable]
    ) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let builder = db.insert(into: table).columns(columns)
            for row in rows[start..<end] { builder.values(values(row)) }
            try await builder.run()
            start = end
        }
    }
}

extension Array {
    /// Splits into (matching, rest) keeping order.
    fileprivate func partitioned(by belongsToFirst: (Element) -> Bool) -> ([Element], [Element]) {
        var yes: [Element] = []
        var no: [Element] = []
        for element in self { if belongsToFirst(element) { yes.append(element) } else { no.append(element) } }
        return (yes, no)
    }
}
