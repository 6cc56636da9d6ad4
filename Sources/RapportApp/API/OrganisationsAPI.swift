import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/organisations` and `/api/v1/households`.
struct OrganisationsAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("organisations", .readOrganisations) { request, _, _ in
            let params = try ListParameters(request)
            let page = try await store.organisations.list(
                text: params["q"], kind: try params.value("kind", as: OrganisationKind.self), cursor: params.cursor, limit: params.limit)
            return try JSONResponse.make(page)
        }
        api.post("organisations", .writeOrganisations) { request, context, actor in
            let draft = try await request.decodeJSON(OrganisationDraft.self, context: context)
            let organisation = try draft.validated(id: store.ids.make(), now: Date())
            try await store.organisations.insert(organisation, by: actor)
            return try JSONResponse.make(organisation, status: .created, location: "/api/v1/organisations/\(organisation.id)")
        }
        api.get("organisations/:id", .readOrganisations) { request, context, _ in
            try JSONResponse.make(try await store.organisations.find(try request.pathID(context, entity: "organisation")))
        }
        api.patch("organisations/:id", .writeOrganisations) { request, context, actor in
            let current = try await store.organisations.find(try request.pathID(context, entity: "organisation"))
            let draft = try await request.decodeJSON(OrganisationDraft.self, context: context)
            let updated = try draft.merged(over: current, now: Date())
            try await store.organisations.update(updated, by: actor)
            return try JSONResponse.make(updated)
        }
        api.get("organisations/:id/people", .readPeople) { request, context, actor in
            let id: OrganisationID = try request.pathID(context, entity: "organisation")
            _ = try await store.organisations.find(id)
            let params = try ListParameters(request)
            let page = try await store.people.list(
                PersonFilter(organisationID: id), order: ListOrder(column: "search_family", descending: false),
                cursor: params.cursor, limit: params.limit, by: actor)
            return try JSONResponse.make(page)
        }
        api.post("organisations/:id/people", .writeOrganisations) { request, context, actor in
            let id: OrganisationID = try request.pathID(context, entity: "organisation")
            _ = try await store.organisations.find(id)
            let membership = try await request.decodeJSON(MembershipDraft.self, context: context).validated(organisationID: id)
            try await store.organisations.addMember(membership, by: actor)
            return try JSONResponse.make(membership, status: .created)
        }
        api.get("households", .readPeople) { request, _, _ in
            let params = try ListParameters(request)
            return try JSONResponse.make(try await store.households.list(cursor: params.cursor, limit: params.limit))
        }
        api.get("households/:id", .readPeople) { request, context, actor in
            let household = try await store.households.find(try request.pathID(context, entity: "household"))
            let members = try await store.households.members(of: household.id, by: actor)
            try await store.audit.read(entityType: "household", entityID: household.id.rawValue, by: actor)
            return try JSONResponse.make(HouseholdBody(household: household, members: members))
        }
    }
}

struct HouseholdBody: Encodable {
    let household: Household
    let members: [Person]
}
