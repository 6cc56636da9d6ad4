import Foundation
import RapportCore
import SQLKit

/// Builds ``CustomerView``s with a fixed, small number of indexed queries, and records one
/// audit entry for the read.
public struct CustomerViewReader: Sendable {
    let database: Database
    let contactPoints: ContactPointRepository
    let attributes: AttributeRepository
    let valueScores: ValueScoreRepository
    let audit: AuditTrail
    let documents: CustomerDocumentCache

    /// How many encoded documents the cache holds.
    public var documentCount: Int { documents.count }

    /// How many of the newest purchases and interactions the view carries.
    public static let recentLimit = 25

    /// Reads the view and records the read in the audit trail. The visibility check on the
    /// person decides before anything is returned; a merged person throws
    /// ``MergedPersonError`` naming the survivor.
    public func view(of id: PersonID, by actor: Actor) async throws -> CustomerView {
        var view = try await database.reader == nil ? concurrentView(of: id, by: actor) : inlineView(of: id, by: actor)
        if view.person.status == .merged { try await PersonMerges.requireUnmerged(id, on: database.sql) }
        view.suppressions = try await SuppressionRepository.of(id, in: database)
        view.householdLinks = try await householdLinks(of: id, by: actor)
        try await audit.read(entityType: "person", entityID: id.rawValue, detail: "customer 360", by: actor)
        return view
    }

    /// The 360 encoded by `encode` (the API's JSON), from ``CustomerDocumentCache`` while
    /// the person's data is unchanged. Audited and visibility-checked like ``view(of:by:)``;
    /// documents are cached only for actors who see everyone, since a restricted actor's
    /// view leaves out household members they may not see.
    public func document(
        of id: PersonID, by actor: Actor, encode: (CustomerView) throws -> [UInt8]
    ) async throws -> [UInt8] {
        guard Visibility.seesEveryone(actor) else { return try encode(try await view(of: id, by: actor)) }
        if let feed = documents.feed {
            let position = try feed.catchUp(documents)
            if let document = documents.document(for: id) {
                try await audit.read(entityType: "person", entityID: id.rawValue, detail: "customer 360", by: actor)
                return document
            }
            let document = try encode(try await view(of: id, by: actor))
            documents.store(document, for: id, ifCurrentAt: position)
            return document
        }
        let stamp = try await database.readFirst("SELECT view_version FROM people WHERE id = ?", [.text(id.rawValue)])
            .map { try $0.decode(column: "view_version", as: Int64.self) }
        if let stamp, let document = documents.document(for: id, version: stamp) {
            try await audit.read(entityType: "person", entityID: id.rawValue, detail: "customer 360", by: actor)
            return document
        }
        let document = try encode(try await view(of: id, by: actor))
        if let stamp { documents.store(document, for: id, version: stamp) }
        return document
    }

    /// On SQLite each part is an index lookup of a few microseconds on the caller's thread:
    /// one after the other, stopping early for a person the actor may not see.
    private func inlineView(of id: PersonID, by actor: Actor) async throws -> CustomerView {
        guard let (person, household) = try await personAndHousehold(id), Visibility.allows(person, to: actor) else {
            throw DomainError.notFound(entity: "person", id: id.rawValue)
        }
        let (value, mix) = try await activitySummary(of: id)
        var view = CustomerView(
            person: person, household: household,
            householdMembers: try await householdMembers(of: id).filter { Visibility.allows($0, to: actor) },
            memberships: try await memberships(of: id), contactPoints: try await contactPoints.forPerson(id),
            purchases: try await recentPurchases(of: id), interactions: try await recentInteractions(of: id),
            attributes: try await attributes.views(for: id),
            value: value, predictedValue: try await valueScores.predictions(for: id), channelMix: mix)
        view.golden = try await StoredGoldenValue.all(of: id, in: database)
        return view
    }

    /// On PostgreSQL every part is a round trip to the server: all of them at once.
    private func concurrentView(of id: PersonID, by actor: Actor) async throws -> CustomerView {
        async let head = personAndHousehold(id)
        async let members = householdMembers(of: id)
        async let points = contactPoints.forPerson(id)
        async let recentPurchases = recentPurchases(of: id)
        async let interactions = recentInteractions(of: id)
        async let memberships = memberships(of: id)
        async let summary = activitySummary(of: id)
        async let attributeValues = attributes.views(for: id)
        async let predictions = valueScores.predictions(for: id)
        async let golden = StoredGoldenValue.all(of: id, in: database)
        guard let (person, household) = try await head, Visibility.allows(person, to: actor) else {
            throw DomainError.notFound(entity: "person", id: id.rawValue)
        }
        let (value, mix) = try await summary
        var view = CustomerView(
            person: person, household: household,
            householdMembers: try await members.filter { Visibility.allows($0, to: actor) },
            memberships: try await memberships, contactPoints: try await points, purchases: try await recentPurchases,
            interactions: try await interactions, attributes: try await attributeValues,
            value: value, predictedValue: try await predictions, channelMix: mix)
        view.golden = try await golden
        return view
    }

    private func personAndHousehold(_ id: PersonID) async throws -> (Person, Household?)? {
        guard
            let row = try await database.readFirst(
                """
                SELECT p.*, h.name AS household_name, h.created_at AS household_created_at
                FROM people p LEFT JOIN households h ON h.id = p.household_id WHERE p.id = ?
                """, [.text(id.rawValue)])
        else { return nil }
        let person = try PersonRepository.person(from: row)
        var household: Household?
        if let householdID = person.householdID, let name = try row.optionalText("household_name") {
            household = Household(id: householdID, name: name, createdAt: try row.instant("household_created_at"))
        }
        return (person, household)
    }

    private func householdMembers(of id: PersonID) async throws -> [Person] {
        try await database.read(
            """
            SELECT * FROM people WHERE household_id = (SELECT household_id FROM people WHERE id = ?)
              AND id <> ? AND merged_into_id IS NULL ORDER BY search_name LIMIT 20
            """, [.text(id.rawValue), .text(id.rawValue)]
        ).map(PersonRepository.person(from:))
    }

    /// The newest purchases with their lines in one query.
    private func recentPurchases(of id: PersonID) async throws -> [Purchase] {
        let rows = try await database.read(
            """
            SELECT p.*, l.line_no, l.product, l.brand, l.quantity, l.amount_minor, l.margin_minor AS line_margin_minor
            FROM (SELECT * FROM purchases WHERE person_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?) p
            LEFT JOIN purchase_lines l ON l.purchase_id = p.id
            ORDER BY p.occurred_at DESC, p.id DESC, l.line_no
            """, [.text(id.rawValue), .integer(Self.recentLimit)])
        var purchases: [Purchase] = []
        for row in rows {
            let purchaseID: PurchaseID = try row.id("id")
            if purchases.last?.id != purchaseID { purchases.append(try PurchaseRepository.purchase(from: row)) }
            guard let product = try row.optionalText("product") else { continue }
            let currency = purchases[purchases.count - 1].total.currency
            purchases[purchases.count - 1].lines.append(
                PurchaseLine(
                    product: product, brand: try row.optionalText("brand"), quantity: try row.integer("quantity"),
                    amount: Money(minorUnits: try row.int64("amount_minor"), currency: currency),
                    margin: Money(minorUnits: try row.int64("line_margin_minor"), currency: currency)))
        }
        return purchases
    }

    private func recentInteractions(of id: PersonID) async throws -> [Interaction] {
        try await database.read(
            "SELECT * FROM interactions WHERE person_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?",
            [.text(id.rawValue), .integer(Self.recentLimit)]
        ).map(InteractionRepository.interaction(from:))
    }

    private func memberships(of id: PersonID) async throws -> [CustomerView.MembershipView] {
        try await database.read(
            """
            SELECT o.*, m.role, m.since, m.until FROM memberships m JOIN organisations o ON o.id = m.organisation_id
            WHERE m.person_id = ? ORDER BY o.search_name
            """, [.text(id.rawValue)]
        ).map { row in
            .init(
                organisation: try OrganisationRepository.organisation(from: row), role: try row.text("role"),
                since: try row.day("since"), until: try row.day("until"))
        }
    }

    /// Historic value per currency and the channel mix, in one query.
    private func activitySummary(of id: PersonID) async throws -> (HistoricValue, [CustomerView.ChannelCount]) {
        let rows = try await database.read(
            """
            SELECT 'purchase' AS source, kind, currency, COUNT(*) AS n, CAST(SUM(total_minor) AS BIGINT) AS total,
              CAST(SUM(margin_minor) AS BIGINT) AS margin, MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at
            FROM purchases WHERE person_id = ? GROUP BY kind, currency
            UNION ALL
            SELECT 'interaction', channel, NULL, COUNT(*), NULL, NULL, NULL, NULL
            FROM interactions WHERE person_id = ? GROUP BY channel
            """, [.text(id.rawValue), .text(id.rawValue)])
        var purchaseRows: [any SQLRow] = []
        var mix: [CustomerView.ChannelCount] = []
        for row in rows {
            if try row.text("source") == "purchase" {
                purchaseRows.append(row)
            } else {
                mix.append(.init(channel: try row.enumValue("kind", as: Channel.self), count: try row.integer("n")))
            }
        }
        return (try HistoricValue.summing(purchaseRows), mix.sorted { ($0.count, $1.channel.rawValue) > ($1.count, $0.channel.rawValue) })
    }
}

extension HistoricValue {
    /// Folds per-(kind, currency) aggregates into net revenue and margin per currency.
    static func summing(_ rows: [any SQLRow]) throws -> HistoricValue {
        var value = HistoricValue()
        var revenue: [String: Int64] = [:]
        var margin: [String: Int64] = [:]
        for row in rows {
            let kind = try row.enumValue("kind", as: PurchaseKind.self)
            let currency = try row.text("currency")
            let sign: Int64 = kind == .purchase ? 1 : -1
            revenue[currency, default: 0] += sign * (try row.int64("total"))
            margin[currency, default: 0] += sign * (try row.int64("margin"))
            if kind == .purchase {
                value.purchases += try row.integer("n")
                let first = try row.instant("first_at")
                let last = try row.instant("last_at")
                value.firstPurchase = min(value.firstPurchase ?? first, first)
                value.lastPurchase = max(value.lastPurchase ?? last, last)
            } else {
                value.returns += try row.integer("n")
            }
        }
        value.revenue = revenue.keys.sorted().map { Money(minorUnits: revenue[$0]!, currency: $0) }
        value.margin = margin.keys.sorted().map { Money(minorUnits: margin[$0]!, currency: $0) }
        return value
    }
}
