import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// Puts people who have no household yet into one as they arrive (R1.8), so a person created
/// by ingestion, or given a contact point by staff, carries a household ID at once instead of
/// from the next ``HouseholdRebuild``.
///
/// It runs ``HouseholdGrouping`` with the stored rule over a neighbourhood: the people to place,
/// and everyone else whose current home address, e-mail or phone has one of their keys. Every
/// holder of such a key is read, so the rule's limits (a crowded address or a switchboard
/// number makes no links) count the whole store; neighbours are seen *only* through those keys,
/// since their other keys were not read in full and could not be counted.
///
/// A group takes the household most of its existing members share, or a new one. Only people
/// without a household are written: nobody who has one is moved here. A newcomer who links two households therefore joins the one
/// most of the group's members share, and the next rebuild, which sees everyone, joins the two.
///
/// One exception, for people whose contact points arrive one at a time — staff adding them
/// after creating a person, or later records of a known customer (``Mode/settlingAlone``):
/// someone *alone* in their household has nobody to part from, so a new contact point that
/// links them to others moves them into those people's household, and their empty one is
/// dissolved (as a rebuild dissolves it). Without that, the e-mail that came first would fix
/// a household of one before the address that links them to their family.
struct HouseholdPlacement: Sendable {
    let audit: AuditTrail
    let ids: IDGenerator

    /// Largest number of values bound in one `IN (…)` list (both databases allow far more).
    static let chunk = 500

    /// Whom ``place(_:known:mode:cause:by:on:today:)`` may put into a household.
    enum Mode: Sendable {
        /// Only people without a household: nobody placed is moved (the people a batch creates).
        case unplacedOnly
        /// Also people alone in their household, who join the household of those their contact
        /// points now link them to (staff adding contact points, records bringing new ones).
        case settlingAlone
    }

    /// A person as the caller's transaction just wrote them (created, without a household, not
    /// merged), so that placing them needs no read of what was just written.
    struct Arrival: Sendable {
        let person: Person
        let contactPoints: [ContactPoint]
    }

    /// Places those of `people` who have no household and are not merged, on `db` (the caller's
    /// transaction); `cause` goes into each audit entry. Returns how many people were placed.
    ///
    /// `known` holds those of `people` exactly as the transaction wrote them: they are taken
    /// from there, the others are read. A caller leaves out anyone it changed after writing them.
    @discardableResult
    func place(
        _ people: [PersonID], known: [PersonID: Arrival] = [:], mode: Mode = .unplacedOnly, cause: String, by actor: Actor,
        on db: any SQLDatabase, today: LocalDate = LocalDate(Date())
    ) async throws -> Int {
        guard !people.isEmpty else { return 0 }
        var arrivals = try await Self.members(
            mode == .unplacedOnly
                ? "SELECT * FROM people WHERE household_id IS NULL AND merged_into_id IS NULL AND id IN (%@)"
                : """
                SELECT * FROM people p WHERE merged_into_id IS NULL AND id IN (%@) AND (household_id IS NULL
                  OR NOT EXISTS (SELECT 1 FROM people o WHERE o.household_id = p.household_id AND o.id <> p.id))
                """,
            people.filter { known[$0] == nil }.map(\.rawValue), on: today, db)
        for person in people {
            guard let arrival = known[person] else { continue }
            arrivals.members.append(HouseholdMember(person: arrival.person, contactPoints: arrival.contactPoints, on: today))
            arrivals.labels[person] = HouseholdRebuild.label(of: arrival.person, contactPoints: arrival.contactPoints, on: today)
        }
        guard !arrivals.members.isEmpty else { return 0 }
        var keys = Set<String>()
        for member in arrivals.members {
            if let address = member.addressKey { keys.insert(address) }
            for contact in member.contacts { keys.insert(contact.key) }
        }
        let arriving = Set(arrivals.members.map(\.personID))
        var neighbourIDs = Set<String>()
        for part in Array(keys).sorted().chunked(Self.chunk) {
            let sql = """
                SELECT DISTINCT person_id FROM contact_points
                WHERE person_id IS NOT NULL AND (valid_to IS NULL OR valid_to > ?) AND normalized IN (\(Self.marks(part.count)))
                """
            for row in try await db.raw(Database.queryString(sql, [.text(today.description)] + part.map { .text($0) })).all() {
                let id = try row.text("person_id")
                if !arriving.contains(PersonID(rawValue: id)) { neighbourIDs.insert(id) }
            }
        }
        let neighbours = try await Self.members(
            "SELECT * FROM people WHERE merged_into_id IS NULL AND id IN (%@)", neighbourIDs.sorted(), on: today, db)
        let seenThroughKeys = neighbours.members.map { member -> HouseholdMember in
            var seen = member
            seen.addressKey = member.addressKey.flatMap { keys.contains($0) ? $0 : nil }
            seen.contacts = member.contacts.filter { keys.contains($0.key) }
            return seen
        }
        let rule = try await HouseholdRuleRepository.current(on: db)
        let result = HouseholdGrouping(rule: rule).group(arrivals.members + seenThroughKeys)
        let labels = arrivals.labels.merging(neighbours.labels) { first, _ in first }
        // Arrivals alone in a household (only read in `.settlingAlone`) count as unplaced; `alone`
        // remembers the household each may keep or leave.
        let alone = Dictionary(
            arrivals.members.compactMap { member in member.householdID.map { (member.personID, $0) } },
            uniquingKeysWith: { a, _ in a })
        var householdOf = Dictionary(
            (arrivals.members + neighbours.members).map { ($0.personID, $0.householdID) }, uniquingKeysWith: { a, _ in a })
        for person in alone.keys { householdOf[person] = .some(nil) }
        var placed = 0
        let now = Date()
        for group in result.groups where group.members.contains(where: arriving.contains) {
            let held = group.members.compactMap { householdOf[$0] ?? nil }
            let ownAlone = group.members.compactMap { alone[$0] }.min()
            let household =
                if held.isEmpty, let ownAlone { ownAlone } else {
                    try await household(held: held, first: group.members[0], labels: labels, now: now, by: actor, on: db)
                }
            let newcomers = group.members.filter { (householdOf[$0] ?? nil) == nil && alone[$0] != household }
            for person in newcomers {
                try await move(person, from: alone[person], to: household, cause: cause, now: now, by: actor, on: db)
            }
            placed += newcomers.count
            // Who is in the household now: those who held it already, those alone in it who stay,
            // and the newcomers just put in.
            let members = Set(
                newcomers + group.members.filter { (householdOf[$0] ?? nil) == household || alone[$0] == household })
            try await writeLinks(of: group, touching: Set(newcomers), members: members, in: household, now: now, on: db)
        }
        return placed
    }

    /// Puts `person` into `household`: from none, or from `previous`, the household they were
    /// alone in, which is dissolved once empty (with its audit entry, as a rebuild dissolves one).
    private func move(
        _ person: PersonID, from previous: HouseholdID?, to household: HouseholdID, cause: String, now: Date,
        by actor: Actor, on db: any SQLDatabase
    ) async throws {
        let stamp = Timestamp.format(now)
        guard let previous else {
            try await db.run(
                "UPDATE people SET household_id = ?, updated_at = ? WHERE id = ? AND household_id IS NULL",
                [.text(household.rawValue), .text(stamp), .text(person.rawValue)])
            try await audit.record(
                .update, entityType: "person", entityID: person.rawValue,
                detail: "household none → \(household.rawValue) (placed on arrival: \(cause))", by: actor, on: db)
            return
        }
        try await db.run(
            "UPDATE people SET household_id = ?, updated_at = ? WHERE id = ? AND household_id = ?",
            [.text(household.rawValue), .text(stamp), .text(person.rawValue), .text(previous.rawValue)])
        try await audit.record(
            .update, entityType: "person", entityID: person.rawValue,
            detail: "household \(previous.rawValue) → \(household.rawValue) (was alone in it; \(cause))", by: actor, on: db)
        try await db.run(
            "DELETE FROM households WHERE id = ? AND NOT EXISTS (SELECT 1 FROM people WHERE household_id = ?)",
            [.text(previous.rawValue), .text(previous.rawValue)])
        try await audit.record(
            .delete, entityType: "household", entityID: previous.rawValue,
            detail: "dissolved: its only member joined \(household.rawValue)", by: actor, on: db)
    }

    /// The household most of the group's members already hold (`held`; ties: the lower ID), or
    /// a new one named like a rebuild names it ("Nowak, Kraków") after the group's `first`.
    ///
    /// Not ``HouseholdGroup/householdID``: there, neighbours the newcomers are not linked to
    /// compete for their own household, and could leave the newcomers' group without it.
    private func household(
        held: [HouseholdID], first: PersonID, labels: [PersonID: String], now: Date, by actor: Actor,
        on db: any SQLDatabase
    ) async throws -> HouseholdID {
        let counts = Dictionary(held.map { ($0, 1) }, uniquingKeysWith: +)
        if let kept = counts.min(by: { a, b in a.value != b.value ? a.value > b.value : a.key < b.key })?.key {
            return kept
        }
        let household = Household(id: ids.make(), name: labels[first] ?? "Household", createdAt: now)
        try await HouseholdRepository.insert(household, on: db)
        try await audit.record(
            .create, entityType: "household", entityID: household.id.rawValue, detail: household.name, by: actor, on: db)
        return household.id
    }

    /// Stores why the newcomers are in the household: the group's links that name one of them.
    /// A link to someone kept in another household is not stored; the rebuild sorts that out.
    private func writeLinks(
        of group: HouseholdGroup, touching newcomers: Set<PersonID>, members inHousehold: Set<PersonID>,
        in household: HouseholdID, now: Date, on db: any SQLDatabase
    ) async throws {
        for link in group.links
        where (newcomers.contains(link.person) || newcomers.contains(link.otherPerson))
            && inHousehold.contains(link.person) && inHousehold.contains(link.otherPerson)
        {
            try await db.run(
                """
                INSERT INTO household_links (person_id, other_person_id, household_id, reason, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, other_person_id) DO NOTHING
                """,
                [.text(link.person.rawValue), .text(link.otherPerson.rawValue), .text(household.rawValue),
                 .text(link.reason.description), .text(Timestamp.format(now))])
        }
    }

    /// People selected by `sql` (with `%@` standing for the ID list) as household grouping sees
    /// them, with their current contact points, and a label per person like the rebuild's.
    private static func members(_ sql: String, _ ids: [String], on today: LocalDate, _ db: any SQLDatabase) async throws
        -> (members: [HouseholdMember], labels: [PersonID: String])
    {
        var members: [HouseholdMember] = []
        var labels: [PersonID: String] = [:]
        for part in ids.chunked(chunk) {
            let binds = part.map { QueryValue.text($0) }
            let people = try await db.raw(
                Database.queryString(sql.replacingOccurrences(of: "%@", with: marks(part.count)), binds)
            ).all().map(PersonRepository.person(from:))
            guard !people.isEmpty else { continue }
            let points = try await db.raw(
                Database.queryString(
                    "SELECT * FROM contact_points WHERE (valid_to IS NULL OR valid_to > ?) AND person_id IN (\(marks(people.count)))",
                    [.text(today.description)] + people.map { .text($0.id.rawValue) })
            ).all().map(ContactPointRepository.contactPoint(from:))
            let byPerson = Dictionary(grouping: points) { $0.personID! }
            for person in people {
                let own = byPerson[person.id] ?? []
                members.append(HouseholdMember(person: person, contactPoints: own, on: today))
                labels[person.id] = HouseholdRebuild.label(of: person, contactPoints: own, on: today)
            }
        }
        return (members, labels)
    }

    private static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
