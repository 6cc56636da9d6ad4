import RapportCore
import SQLKit

/// Which people an actor may see — the one place the rule lives. Everyone with the right
/// permission sees everyone, except partner agents, who see only the people assigned to
/// them (R10.1). A person one may not see is reported as not found, never as forbidden,
/// so their existence is not revealed.
enum Visibility {
    /// True for actors whose role sees every person.
    static func seesEveryone(_ actor: Actor) -> Bool {
        !actor.role.seesOnlyAssignedPeople
    }

    static func allows(_ person: Person, to actor: Actor) -> Bool {
        !actor.role.seesOnlyAssignedPeople || (actor.userID != nil && person.ownerUserID == actor.userID)
    }

    /// Throws not-found unless the person exists and `actor` may see them, and
    /// ``MergedPersonError`` for a person merged into another (nothing is read from or
    /// written to them until an unmerge).
    static func requirePerson(
        _ id: PersonID, visibleTo actor: Actor, on db: any SQLDatabase, notFound: (entity: String, id: String)? = nil
    ) async throws {
        let row = try await db.raw("SELECT owner_user_id, merged_into_id FROM people WHERE id = \(bind: id.rawValue)").first()
        let owner: UserID? = try row?.optionalID("owner_user_id")
        guard row != nil, !actor.role.seesOnlyAssignedPeople || (owner != nil && owner == actor.userID) else {
            throw DomainError.notFound(entity: notFound?.entity ?? "person", id: notFound?.id ?? id.rawValue)
        }
        if try row?.optionalText("merged_into_id") != nil { try await PersonMerges.requireUnmerged(id, on: db) }
    }

    /// Narrows a query over `people` (under `alias`) to the people `actor` may see: appends
    /// `<alias>.owner_user_id = … AND ` for partner agents, nothing for everyone else.
    static func restrictPeople(_ query: inout SQLQueryString, alias: String, actor: Actor) {
        guard actor.role.seesOnlyAssignedPeople else { return }
        query.appendInterpolation(unsafeRaw: "\(alias).owner_user_id = ")
        query.appendInterpolation(bind: actor.userID?.rawValue ?? "")
        query.appendInterpolation(unsafeRaw: " AND ")
    }

    /// Narrows a query over a table with a `person_id` column to one visible person, or to
    /// the people `actor` may see.
    static func restrict(_ query: inout SQLQueryString, toPerson personID: PersonID?, actor: Actor, on db: any SQLDatabase) async throws {
        if let personID {
            try await requirePerson(personID, visibleTo: actor, on: db)
            query.appendInterpolation(unsafeRaw: " AND person_id = ")
            query.appendInterpolation(bind: personID.rawValue)
        } else if actor.role.seesOnlyAssignedPeople {
            query.appendInterpolation(unsafeRaw: " AND person_id IN (SELECT id FROM people WHERE owner_user_id = ")
            query.appendInterpolation(bind: actor.userID?.rawValue ?? "")
            query.appendInterpolation(unsafeRaw: ")")
        }
    }
}
