import Foundation
import RapportCore
import SQLKit

/// Loads large batches fast: one transaction per batch, one prepared INSERT per table on
/// SQLite and multi-row INSERTs on PostgreSQL, one audit entry per batch instead of one
/// per row. Webhook events for the batch's people, purchases and interactions are tables of
/// the same transaction, for the types someone subscribes to (see ``EventOutbox``).
public struct BulkLoader: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Inserts every record of `batch`, all or nothing, with one audit entry for the batch.
    public func load(_ batch: RecordBatch, by actor: Actor) async throws {
        try await write(try await prepare(batch, by: actor).plan)
    }

    /// A batch turned into rows (``prepare(_:by:)``), for ``BulkLoadQueue/write(_:)``.
    public struct PreparedBatch: Sendable {
        let plan: Plan
        /// How many records the batch holds, and how many of them are people.
        public let records: Int
        public let people: Int
    }

    /// Turns `batch` into rows as ``load(_:by:)`` does, reading first who subscribes to its
    /// events. Safe to call on several batches at once; their writes must follow in order.
    public func prepare(_ batch: RecordBatch, by actor: Actor) async throws -> PreparedBatch {
        let subscribers = try await store.outbox.subscribers(on: store.database.sql)
        let plan = try prepare(batch, by: actor, subscribers: subscribers)
        return PreparedBatch(plan: plan, records: batch.count, people: batch.people.count)
    }

    /// A batch turned into rows, ready to be written in one transaction.
    struct Plan: Sendable {
        /// The rows per table, parents first, the audit entry last.
        var tables: [BulkTable]
        /// People stored before this batch whose activity it adds: their behaviour
        /// summaries (``CustomerMetrics``) are recomputed inside the write's transaction.
        var storedPeople: [String]
    }

    /// The batch's rows per table, its audit entry last.
    func prepare(_ batch: RecordBatch, by actor: Actor, subscribers: EventOutbox.Subscribers = .none) throws -> Plan {
        var tables = Self.tables(for: batch) + MatchIndex.bulkTables(for: batch)
        tables += store.outbox.tables(for: batch, subscribers: subscribers)
        // Segment rules read each person's behaviour summary: it is written with the activity.
        let (fresh, stored) = CustomerMetrics.split(batch)
        let now = Timestamp.now()
        tables.append(BulkTable("customer_metrics", CustomerMetrics.columns, fresh) { $0.values(at: now) })
        if !batch.people.isEmpty {
            let entry = AuditEntry(
                id: store.ids.make(), at: Date(), actorUserID: actor.userID, actorName: actor.name, action: .create,
                entityType: "person", entityID: "*", detail: "bulk load: \(batch.people.count) people")
            tables.append(BulkTable("audit_log", AuditTrail.columns, [entry], values: AuditTrail.values))
        }
        return Plan(tables: tables, storedPeople: stored)
    }

    /// Writes prepared rows in one transaction.
    func write(_ plan: Plan) async throws {
        if store.database.kind == .sqlite {
            try await store.database.directTransaction { connection in
                for table in plan.tables { try table.insert(on: connection) }
                try CustomerMetrics.refresh(plan.storedPeople, on: connection)
            }
        } else {
            try await store.database.transaction { db in
                for table in plan.tables { try await table.insert(on: db) }
                try await CustomerMetrics.refresh(plan.storedPeople.map(PersonID.init(rawValue:)), on: db)
            }
        }
    }

    /// Runs a large load (`body` calls ``load(_:by:)`` many times) with the secondary
    /// indexes (and SQLite's view-stamp triggers) dropped, then builds them once. Only for
    /// loads into an empty store: while `body` runs, searches are slow. They are rebuilt
    /// even if `body` throws; see ``BulkLoadDeferral``.
    public func withDeferredIndexes<T>(_ body: () async throws -> T) async throws -> T {
        try await BulkLoadDeferral.suspend(on: store.database)
        let result: T
        do {
            result = try await body()
        } catch {
            try? await BulkLoadDeferral.restore(on: store.database)
            throw error
        }
        try await BulkLoadDeferral.restore(on: store.database)
        return result
    }

    /// The batch as rows per table, parents before children so foreign keys hold.
    static func tables(for batch: RecordBatch) -> [BulkTable] {
        [
            BulkTable("sources", ["id", "name", "kind", "trust_rank", "allowed_attributes", "created_at"], batch.sources) {
                [.text($0.id.rawValue), .text($0.name), .text($0.kind.rawValue), .integer($0.trustRank),
                 .text($0.allowedAttributes.joined(separator: ",")), .text(Timestamp.format($0.createdAt))]
            },
            BulkTable("households", ["id", "name", "created_at"], batch.households) {
                [.text($0.id.rawValue), .text($0.name), .text(Timestamp.format($0.createdAt))]
            },
            BulkTable("users", ["id", "username", "display_name", "role", "password_hash", "disabled", "created_at"], batch.users) {
                // Users loaded in bulk (demo staff) cannot sign in: "!" is no valid bcrypt hash.
                [.text($0.id.rawValue), .text($0.username), .text($0.displayName), .text($0.role.rawValue), .text("!"),
                 .integer($0.disabled ? 1 : 0), .text(Timestamp.format($0.createdAt))]
            },
        ] + organisationTables(batch.organisations) + [
            BulkTable(
                "people",
                ["id", "household_id", "given_name", "family_name", "display_name", "search_name", "search_family", "birth_date",
                 "gender", "language", "country", "status", "owner_user_id", "created_at", "updated_at"], batch.people
            ) { p in
                [.text(p.id.rawValue), .text(p.householdID?.rawValue), .text(p.givenName), .text(p.familyName), .text(p.displayName),
                 .text(SearchText.fold(p.displayName)), .text(PersonRepository.familyKey(p)), .text(p.birthDate?.description),
                 .text(p.gender?.rawValue), .text(p.language), .text(p.country), .text(p.status.rawValue),
                 .text(p.ownerUserID?.rawValue), .text(Timestamp.format(p.createdAt)), .text(Timestamp.format(p.updatedAt))]
            },
            BulkTable("memberships", ["person_id", "organisation_id", "role", "since", "until"], batch.memberships) {
                [.text($0.personID.rawValue), .text($0.organisationID.rawValue), .text($0.role), .text($0.since?.description),
                 .text($0.until?.description)]
            },
            BulkTable(
                "contact_points",
                ["id", "person_id", "organisation_id", "kind", "value", "normalized", "label", "line1", "line2", "city", "postcode",
                 "region", "country", "valid_from", "valid_to", "is_primary", "source_id", "created_at"], batch.contactPoints
            ) { c in
                [.text(c.id.rawValue), .text(c.personID?.rawValue), .text(c.organisationID?.rawValue), .text(c.kind.rawValue),
                 .text(c.value), .text(c.normalized), .text(c.label), .text(c.address?.line1), .text(c.address?.line2),
                 .text(c.address?.city), .text(c.address?.postcode), .text(c.address?.region), .text(c.address?.country),
                 .text(c.validFrom?.description), .text(c.validTo?.description), .integer(c.isPrimary ? 1 : 0),
                 .text(c.sourceID?.rawValue), .text(Timestamp.format(c.createdAt))]
            },
            BulkTable("raw_records", ["id", "source_id", "received_at", "payload", "person_id", "lineage"], batch.rawRecords) {
                [.text($0.id.rawValue), .text($0.sourceID.rawValue), .text(Timestamp.format($0.receivedAt)), .text($0.payload),
                 .text($0.personID?.rawValue), .text($0.lineage)]
            },
            BulkTable(
                "purchases",
                ["id", "person_id", "organisation_id", "kind", "channel", "occurred_at", "currency", "total_minor", "margin_minor",
                 "reference", "source_id"], batch.purchases
            ) { p in
                [.text(p.id.rawValue), .text(p.personID?.rawValue), .text(p.organisationID?.rawValue), .text(p.kind.rawValue),
                 .text(p.channel?.rawValue), .text(Timestamp.format(p.occurredAt)), .text(p.total.currency),
                 .integer(p.total.minorUnits), .integer(p.margin.minorUnits), .text(p.reference), .text(p.sourceID?.rawValue)]
            },
            BulkTable(
                "purchase_lines", ["purchase_id", "line_no", "product", "brand", "quantity", "amount_minor", "margin_minor"],
                batch.purchases.flatMap { p in p.lines.enumerated().map { (p.id, $0.offset + 1, $0.element) } }
            ) { l in
                [.text(l.0.rawValue), .integer(l.1), .text(l.2.product), .text(l.2.brand), .integer(l.2.quantity),
                 .integer(l.2.amount.minorUnits), .integer(l.2.margin.minorUnits)]
            },
            BulkTable(
                "interactions",
                ["id", "person_id", "organisation_id", "channel", "direction", "staff_user_id", "staff_name", "outcome", "subject",
                 "notes", "occurred_at", "duration_seconds", "source_id"], batch.interactions
            ) { i in
                [.text(i.id.rawValue), .text(i.personID.rawValue), .text(i.organisationID?.rawValue), .text(i.channel.rawValue),
                 .text(i.direction.rawValue), .text(i.staffUserID?.rawValue), .text(i.staffName), .text(i.outcome.rawValue),
                 .text(i.subject), .text(i.notes), .text(Timestamp.format(i.occurredAt)), .integer(i.durationSeconds),
                 .text(i.sourceID?.rawValue)]
            },
        ]
    }

    /// Parents before children: an organisation may name another of the same batch as
    /// parent or principal, so those without in-batch references go first.
    private static func organisationTables(_ organisations: [Organisation]) -> [BulkTable] {
        let ids = Set(organisations.map(\.id))
        let (later, first) = organisations.partitioned {
            ($0.parentID.map(ids.contains) ?? false) || ($0.resellerOfID.map(ids.contains) ?? false)
        }
        return [first, later].map { group in
            BulkTable(
                "organisations",
                ["id", "name", "search_name", "kind", "parent_id", "reseller_of_id", "country", "registration_number", "created_at",
                 "updated_at"], group
            ) { o in
                [.text(o.id.rawValue), .text(o.name), .text(SearchText.fold(o.name)), .text(o.kind.rawValue),
                 .text(o.parentID?.rawValue), .text(o.resellerOfID?.rawValue), .text(o.country), .text(o.registrationNumber),
                 .text(Timestamp.format(o.createdAt)), .text(Timestamp.format(o.updatedAt))]
            }
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
