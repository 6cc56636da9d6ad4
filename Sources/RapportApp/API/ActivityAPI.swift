import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/interactions` and `/api/v1/purchases`: the contact history and the purchase log.
struct ActivityAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("interactions", .readActivity) { request, _, actor in
            let params = try ListParameters(request)
            let page = try await store.interactions.list(
                personID: try params.id("personID"), channel: try params.value("channel", as: Channel.self),
                cursor: params.cursor, limit: params.limit, by: actor)
            return try JSONResponse.make(page)
        }
        api.post("interactions", .writeActivity) { request, context, actor in
            let draft = try await request.decodeJSON(InteractionDraft.self, context: context)
            let interaction = try draft.validated(id: store.ids.make(), staff: actor, now: Date())
            try await store.interactions.insert(interaction, by: actor)
            return try JSONResponse.make(interaction, status: .created, location: "/api/v1/interactions/\(interaction.id)")
        }
        api.get("interactions/:id", .readActivity) { request, context, actor in
            try JSONResponse.make(try await store.interactions.find(try request.pathID(context, entity: "interaction"), by: actor))
        }
        api.get("purchases", .readActivity) { request, _, actor in
            let params = try ListParameters(request)
            let page = try await store.purchases.list(
                personID: try params.id("personID"), organisationID: try params.id("organisationID"),
                kind: try params.value("kind", as: PurchaseKind.self), cursor: params.cursor, limit: params.limit, by: actor)
            return try JSONResponse.make(page)
        }
        api.post("purchases", .writeActivity) { request, context, actor in
            let draft = try await request.decodeJSON(PurchaseDraft.self, context: context)
            let purchase = try draft.validated(id: store.ids.make(), now: Date())
            try await store.purchases.insert(purchase, by: actor)
            return try JSONResponse.make(purchase, status: .created, location: "/api/v1/purchases/\(purchase.id)")
        }
        api.get("purchases/:id", .readActivity) { request, context, actor in
            try JSONResponse.make(try await store.purchases.find(try request.pathID(context, entity: "purchase"), by: actor))
        }
    }
}

/// `/api/v1/attributes` (definitions), `/api/v1/value/refit` and `/api/v1/audit` (the audit trail).
struct AdministrationAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("attributes", .readPeople) { _, _, _ in
            try JSONResponse.make(try await store.attributes.definitions())
        }
        api.post("attributes", .manageAttributes) { request, context, actor in
            let draft = try await request.decodeJSON(AttributeDefinitionDraft.self, context: context)
            let definition = try draft.validated(id: store.ids.make(), now: Date())
            try await store.attributes.define(definition, by: actor)
            return try JSONResponse.make(definition, status: .created)
        }
        api.post("value/refit", .manageValueModels) { _, _, _ in
            try JSONResponse.make(try await ValueRefit(store: store).run())
        }
        api.get("audit", .readAudit) { request, _, _ in
            let params = try ListParameters(request)
            let entries = try await store.audit.list(
                entityID: params["entityID"], actorName: params["actor"], before: params["before"], limit: params.limit)
            return try JSONResponse.make(entries)
        }
    }
}
