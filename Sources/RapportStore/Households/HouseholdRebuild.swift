import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// Regroups every person into households by the stored rule (R1.8) and writes the result:
/// new households, people's household IDs, the link reasons, and the households left empty.
///
/// People and their current contact points are read in pages of ``pageSize`` by person ID
/// (two indexed range queries per page); ``HouseholdGrouping`` then runs once over everyone,
/// since a link can join any two people. Only differences are written, in transactions of
/// ``writeBatch`` changes: households first (the foreign keys need them), then people, then
/// links, then the emptied households. Each transaction leaves every person consistent, so a
/// rebuild stopped half-way is completed by running it again. Every person moved is audited
/// with their old and new household; each household created or dissolved too.
///
/// People created by ingestion, and people staff give a contact point, are placed on arrival
/// (``HouseholdPlacement``) without moving anyone who shares a household; people whose
/// addresses changed since are regrouped by the next rebuild — in the household the rule links
/// them to, or alone. The rebuild also joins households a newcomer turned out to link.
public struct HouseholdRebuild: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator
    let outbox: EventOutbox
    let rules: HouseholdRuleRepository

    public static let pageSize = 2000
    public static let writeBatch = 500

    /// Runs the rebuild; `today` decides which contact points are current.
    public func run(by actor: Actor, today: LocalDate = LocalDate(Date())) async throws -> HouseholdRebuildSummary {
        let rule = try await rules.current()
        let (members, labels) = try await readMembers(on: today)
        let result = HouseholdGrouping(rule: rule).group(members)
        let plan = HouseholdPlan(
            result: result, members: members, labels: labels, assignments: result.assignments(using: ids),
            existingLinks: try await existingLinks(), now: Date())
        var summary = plan.summary(rule: rule)
        summary.crowdedAddresses = result.crowdedAddresses.count
        summary.crowdedContacts = result.crowdedContacts.count
        try await write(plan, by: actor)
        let detail =
            "created \(summary.householdsCreated), changed \(summary.householdsChanged), "
            + "dissolved \(summary.householdsDissolved), people moved \(summary.peopleMoved)"
        try await database.transaction { db in
            try await audit.record(
                .update, entityType: "households", entityID: "rebuild", detail: detail, by: actor, on: db)
        }
        return summary
    }

    /// Everyone as the grouping sees them, and a household label per person ("Nowak, Kraków").
    private func readMembers(on today: LocalDate) async throws -> ([HouseholdMember], [PersonID: String]) {
        var members: [HouseholdMember] = []
        var labels: [PersonID: String] = [:]
        var after = ""
        while true {
            let people = try await database.read(
                "SELECT * FROM people WHERE id > ? ORDER BY id LIMIT ?", [.text(after), .integer(Self.pageSize)]
            ).map(PersonRepository.person(from:))
            guard let first = people.first, let last = people.last else { break }
            let points = try await database.read(
                """
                SELECT * FROM contact_points WHERE person_id >= ? AND person_id <= ?
                  AND (valid_to IS NULL OR valid_to > ?)
                """, [.text(first.id.rawValue), .text(last.id.rawValue), .text(today.description)]
            ).map(ContactPointRepository.contactPoint(from:))
            let byPerson = Dictionary(grouping: points) { $0.personID! }
            for person in people {
                let own = byPerson[person.id] ?? []
                members.append(HouseholdMember(person: person, contactPoints: own, on: today))
                labels[person.id] = Self.label(of: person, contactPoints: own, on: today)
            }
            after = last.id.rawValue
            if people.count < Self.pageSize { break }
        }
        return (members, labels)
    }

    /// The name a new household gets after its first member: "Nowak, Kraków".
    static func label(of person: Person, contactPoints: [ContactPoint], on today: LocalDate) -> String {
        let city = contactPoints.first { $0.kind == .postal && $0.isCurrent(on: today) }?.address?.city
        return [person.familyName ?? person.displayName, city].compactMap { $0 }.joined(separator: ", ")
    }

    private func existingLinks() async throws -> [String: StoredHouseholdLink] {
        var links: [String: StoredHouseholdLink] = [:]
        for row in try await database.read(
            "SELECT person_id, other_person_id, household_id, reason FROM household_links", [])
        {
            let link = StoredHouseholdLink(
                person: try row.text("person_id"), otherPerson: try row.text("other_person_id"),
                household: try row.text("household_id"), reason: try row.text("reason"))
            links[link.key] = link
        }
        return links
    }

    private func write(_ plan: HouseholdPlan, by actor: Actor) async throws {
        let evented = !(try await outbox.subscribers(on: database.sql).byType[.personUpdated] ?? []).isEmpty
        for chunk in plan.created.chunked(Self.writeBatch) {
            try await database.transaction { db in
                for household in chunk {
                    try await HouseholdRepository.insert(household, on: db)
                    try await audit.record(
                        .create, entityType: "household", entityID: household.id.rawValue, detail: household.name,
                        by: actor,
                        on: db)
                }
            }
        }
        let now = Timestamp.format(plan.now)
        for chunk in plan.moves.chunked(Self.writeBatch) {
            try await database.transaction { db in
                for move in chunk {
                    try await db.raw(
                        """
                        UPDATE people SET household_id = \(bind: move.to.rawValue), updated_at = \(bind: now)
                        WHERE id = \(bind: move.person.rawValue)
                        """
                    ).run()
                    try await audit.record(
                        .update, entityType: "person", entityID: move.person.rawValue,
                        detail: "household \(move.from?.rawValue ?? "none") → \(move.to.rawValue) (household rebuild)",
                        by: actor, on: db)
                    if evented { _ = try await outbox.record(.personUpdated, entityID: move.person.rawValue, on: db) }
                }
            }
        }
        for chunk in plan.removedLinks.chunked(Self.writeBatch) {
            try await database.transaction { db in
                for link in chunk {
                    try await db.raw(
                        """
                        DELETE FROM household_links
                        WHERE person_id = \(bind: link.person) AND other_person_id = \(bind: link.otherPerson)
                        """
                    ).run()
                }
            }
        }
        for chunk in plan.addedLinks.chunked(Self.writeBatch) {
            try await database.transaction { db in
                try await BulkTable(
                    "household_links", ["person_id", "other_person_id", "household_id", "reason", "created_at"],
                    Array(chunk)
                ) { [.text($0.person), .text($0.otherPerson), .text($0.household), .text($0.reason), .text(now)] }
                .insert(on: db)
            }
        }
        for chunk in plan.dissolved.chunked(Self.writeBatch) {
            try await database.transaction { db in
                for household in chunk {
                    try await db.raw(
                        """
                        DELETE FROM households WHERE id = \(bind: household.rawValue)
                          AND NOT EXISTS (SELECT 1 FROM people WHERE household_id = \(bind: household.rawValue))
                        """
                    ).run()
                    try await audit.record(
                        .delete, entityType: "household", entityID: household.rawValue,
                        detail: "dissolved by household rebuild: no members left", by: actor, on: db)
                }
            }
        }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
