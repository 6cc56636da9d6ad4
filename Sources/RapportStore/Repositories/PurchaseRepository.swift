import Foundation
import RapportCore
import SQLKit

/// Purchases and returns with their lines.
public struct PurchaseRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let outbox: EventOutbox

    /// Stores a purchase or return with its lines, and its `purchase.created` event.
    public func insert(_ purchase: Purchase, by actor: Actor) async throws {
        try await database.transaction { db in
            if let personID = purchase.personID {
                try await Visibility.requirePerson(personID, visibleTo: actor, on: db)
            }
            if let organisationID = purchase.organisationID,
                try await db.raw("SELECT id FROM organisations WHERE id = \(bind: organisationID.rawValue)").first() == nil
            {
                throw DomainError.invalid([.invalid("organisationID", "organisationID '\(organisationID)' does not exist.")])
            }
            try await Self.insert(purchase, on: db)
            if let personID = purchase.personID { try await CustomerMetrics.refresh([personID], on: db) }
            try await audit.record(
                .update, entityType: purchase.personID != nil ? "person" : "organisation",
                entityID: purchase.personID?.rawValue ?? purchase.organisationID?.rawValue ?? "",
                detail: "recorded \(purchase.kind.rawValue) \(purchase.id)", by: actor, on: db)
            try await outbox.record(.purchaseCreated, entityID: purchase.id.rawValue, on: db)
        }
    }

    static func insert(_ p: Purchase, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO purchases (id, person_id, organisation_id, kind, channel, occurred_at, currency, total_minor,
              margin_minor, reference, source_id)
            VALUES (\(bind: p.id.rawValue), \(bind: p.personID?.rawValue), \(bind: p.organisationID?.rawValue),
              \(bind: p.kind.rawValue), \(bind: p.channel?.rawValue), \(bind: Timestamp.format(p.occurredAt)),
              \(bind: p.total.currency), \(bind: p.total.minorUnits), \(bind: p.margin.minorUnits), \(bind: p.reference),
              \(bind: p.sourceID?.rawValue))
            """
        ).run()
        for (index, line) in p.lines.enumerated() {
            try await db.raw(
                """
                INSERT INTO purchase_lines (purchase_id, line_no, product, brand, quantity, amount_minor, margin_minor)
                VALUES (\(bind: p.id.rawValue), \(bind: index + 1), \(bind: line.product), \(bind: line.brand),
                  \(bind: line.quantity), \(bind: line.amount.minorUnits), \(bind: line.margin.minorUnits))
                """
            ).run()
        }
    }

    public func find(_ id: PurchaseID, by actor: Actor) async throws -> Purchase {
        guard let row = try await database.sql.raw("SELECT * FROM purchases WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "purchase", id: id.rawValue)
        }
        var purchase = try Self.purchase(from: row)
        if let personID = purchase.personID {
            try await Visibility.requirePerson(personID, visibleTo: actor, on: database.sql, notFound: ("purchase", id.rawValue))
            try await audit.read(entityType: "person", entityID: personID.rawValue, detail: "purchase \(id)", by: actor)
        } else if actor.role.seesOnlyAssignedPeople {
            throw DomainError.notFound(entity: "purchase", id: id.rawValue)
        }
        purchase.lines = try await lines(of: [id])[id] ?? []
        return purchase
    }

    /// A page of purchases newest first, of one person or one organisation, with lines.
    public func list(
        personID: PersonID?, organisationID: OrganisationID?, kind: PurchaseKind?, cursor: Cursor?, limit: Int, by actor: Actor
    ) async throws -> Page<Purchase> {
        var query = SQLQueryString("SELECT * FROM purchases WHERE 1 = 1")
        try await Visibility.restrict(&query, toPerson: personID, actor: actor, on: database.sql)
        if let organisationID {
            query.appendInterpolation(unsafeRaw: " AND organisation_id = ")
            query.appendInterpolation(bind: organisationID.rawValue)
        }
        if let kind {
            query.appendInterpolation(unsafeRaw: " AND kind = ")
            query.appendInterpolation(bind: kind.rawValue)
        }
        KeysetPaging.apply(order: ListOrder(column: "occurred_at", descending: true), cursor: cursor, limit: limit, to: &query)
        let rows = try await database.sql.raw(query).all()
        var items = try rows.prefix(limit).map(Self.purchase(from:))
        let lines = try await lines(of: items.map(\.id))
        for index in items.indices { items[index].lines = lines[items[index].id] ?? [] }
        let next = rows.count > limit ? items.last.map { Cursor(sortValue: Timestamp.format($0.occurredAt), id: $0.id.rawValue) } : nil
        try await audit.read(entityType: "person", entityID: personID?.rawValue ?? "*", detail: "purchases: \(items.count)", by: actor)
        return Page(items: items, nextCursor: next?.encoded)
    }

    /// The lines of several purchases in one query, in the currency of their purchase.
    func lines(of ids: [PurchaseID]) async throws -> [PurchaseID: [PurchaseLine]] {
        guard !ids.isEmpty else { return [:] }
        var query = SQLQueryString(
            "SELECT l.*, p.currency FROM purchase_lines l JOIN purchases p ON p.id = l.purchase_id WHERE l.purchase_id IN (")
        for (index, id) in ids.enumerated() {
            if index > 0 { query.appendInterpolation(unsafeRaw: ", ") }
            query.appendInterpolation(bind: id.rawValue)
        }
        query.appendInterpolation(unsafeRaw: ") ORDER BY l.purchase_id, l.line_no")
        var result: [PurchaseID: [PurchaseLine]] = [:]
        for row in try await database.sql.raw(query).all() {
            let currency = try row.text("currency")
            result[try row.id("purchase_id"), default: []].append(
                PurchaseLine(
                    product: try row.text("product"), brand: try row.optionalText("brand"), quantity: try row.integer("quantity"),
                    amount: Money(minorUnits: try row.int64("amount_minor"), currency: currency),
                    margin: Money(minorUnits: try row.int64("margin_minor"), currency: currency)))
        }
        return result
    }

    static func purchase(from row: any SQLRow) throws -> Purchase {
        let currency = try row.text("currency")
        return Purchase(
            id: try row.id("id"), personID: try row.optionalID("person_id"), organisationID: try row.optionalID("organisation_id"),
            kind: try row.enumValue("kind", as: PurchaseKind.self), channel: try row.optionalEnum("channel", as: Channel.self),
            occurredAt: try row.instant("occurred_at"), total: Money(minorUnits: try row.int64("total_minor"), currency: currency),
            margin: Money(minorUnits: try row.int64("margin_minor"), currency: currency), reference: try row.optionalText("reference"),
            sourceID: try row.optionalID("source_id"), lines: [])
    }
}
