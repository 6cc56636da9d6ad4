import Foundation
import RapportCore
import SQLKit

extension HouseholdRepository {
    /// The household's historic value (R4.1): its members' purchases and returns, among the
    /// members `actor` may see. Records the read.
    public func value(of id: HouseholdID, by actor: Actor) async throws -> GroupValue {
        _ = try await find(id)
        var members = SQLQueryString("SELECT p.id FROM people p WHERE ")
        Visibility.restrictPeople(&members, alias: "p", actor: actor)
        members += "p.household_id = \(bind: id.rawValue)"
        let value = try await GroupValue.read("pu.person_id IN (" + members + ")", on: database.sql)
        try await audit.read(entityType: "household", entityID: id.rawValue, detail: "historic value", by: actor)
        return value
    }
}

extension OrganisationRepository {
    /// The organisation's historic value (R4.1): the purchases and returns made for it.
    /// Partner agents count only the purchases of people assigned to them.
    public func value(of id: OrganisationID, by actor: Actor) async throws -> GroupValue {
        _ = try await find(id)
        var condition = SQLQueryString("pu.organisation_id = \(bind: id.rawValue)")
        if !Visibility.seesEveryone(actor) {
            var visible = SQLQueryString(" AND pu.person_id IN (SELECT p.id FROM people p WHERE ")
            Visibility.restrictPeople(&visible, alias: "p", actor: actor)
            condition += visible + "1 = 1)"
        }
        return try await GroupValue.read(condition, on: database.sql)
    }
}
