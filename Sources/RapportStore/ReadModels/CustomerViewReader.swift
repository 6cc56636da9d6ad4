import Foundation
import RapportCore
import SQLKit

/// Builds ``CustomerView``s with a fixed, small number of indexed queries, and records one
/// audit entry for the read.
public struct CustomerViewReader: Sendable {
    let database: Database
    let people: PersonRepository
    let contactPoints: ContactPointRepository
    let purchases: PurchaseRepository
    let attributes: AttributeRepository
    let audit: AuditTrail

    /// How many of the newest purchases and interactions the view carries.
    public static let recentLimit = 25

    public func view(of id: PersonID, by actor: Actor) async throws -> CustomerView {
        let person = try await people.find(id, by: actor, audited: false)
        let sql = database.sql
        async let points = contactPoints.forPerson(id)
        async let recentPurchases = recentPurchases(of: id)
        async let interactions = recentInteractions(of: id)
        async let memberships = memberships(of: id)
        async let value = value(of: id)
        async let mix = channelMix(of: id)
        async let attributeValues = attributes.values(for: id)
        var household: Household?
        var members: [Person] = []
        if let householdID = person.householdID {
            household = try await sql.raw("SELECT * FROM households WHERE id = \(bind: householdID.rawValue)").first()
                .map(HouseholdRepository.household(from:))
            members = try await sql.raw(
                "SELECT * FROM people WHERE household_id = \(bind: householdID.rawValue) AND id <> \(bind: id.rawValue) ORDER BY search_name LIMIT 20"
            ).all().map(PersonRepository.person(from:)).filter { PersonRepository.isVisible($0, to: actor) }
        }
        let view = CustomerView(
            person: person, household: household, householdMembers: members, memberships: try await memberships,
            contactPoints: try await points, purchases: try await recentPurchases, interactions: try await interactions,
            attributes: try await attributeValues.map {
                .init(key: $0.0.key, label: $0.0.label, value: $0.1.display, purpose: $0.0.purpose)
            },
            value: try await value, channelMix: try await mix)
        try await audit.read(entityType: "person", entityID: id.rawValue, detail: "customer 360", by: actor)
        return view
    }

    private func recentPurchases(of id: PersonID) async throws -> [Purchase] {
        var items = try await database.sql.raw(
            "SELECT * FROM purchases WHERE person_id = \(bind: id.rawValue) ORDER BY occurred_at DESC, id DESC LIMIT \(unsafeRaw: String(Self.recentLimit))"
        ).all().map(PurchaseRepository.purchase(from:))
        let lines = try await purchases.lines(of: items.map(\.id))
        for index in items.indices { items[index].lines = lines[items[index].id] ?? [] }
        return items
    }

    private func recentInteractions(of id: PersonID) async throws -> [Interaction] {
        try await database.sql.raw(
            "SELECT * FROM interactions WHERE person_id = \(bind: id.rawValue) ORDER BY occurred_at DESC, id DESC LIMIT \(unsafeRaw: String(Self.recentLimit))"
        ).all().map(InteractionRepository.interaction(from:))
    }

    private func memberships(of id: PersonID) async throws -> [CustomerView.MembershipView] {
        try await database.sql.raw(
            """
            SELECT o.*, m.role, m.since, m.until FROM memberships m JOIN organisations o ON o.id = m.organisation_id
            WHERE m.person_id = \(bind: id.rawValue) ORDER BY o.search_name
            """
        ).all().map { row in
            .init(
                organisation: try OrganisationRepository.organisation(from: row), role: try row.text("role"),
                since: try row.day("since"), until: try row.day("until"))
        }
    }

    func value(of id: PersonID) async throws -> HistoricValue {
        let rows = try await database.sql.raw(
            """
            SELECT kind, currency, COUNT(*) AS n, CAST(SUM(total_minor) AS BIGINT) AS total, CAST(SUM(margin_minor) AS BIGINT) AS margin,
              MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at
            FROM purchases WHERE person_id = \(bind: id.rawValue) GROUP BY kind, currency
            """
        ).all()
        return try HistoricValue.summing(rows)
    }

    private func channelMix(of id: PersonID) async throws -> [CustomerView.ChannelCount] {
        try await database.sql.raw(
            "SELECT channel, COUNT(*) AS n FROM interactions WHERE person_id = \(bind: id.rawValue) GROUP BY channel ORDER BY n DESC"
        ).all().map { .init(channel: try $0.enumValue("channel", as: Channel.self), count: try $0.integer("n")) }
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
