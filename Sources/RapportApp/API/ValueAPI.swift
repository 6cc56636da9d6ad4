import Foundation
import Hummingbird
import RapportCore
import RapportStore
import RapportValue

/// Customer value per group (R4.1, R4.2, R4.4): the historic value of households,
/// organisations and segments; segments' value drivers and lifetime value as NPV with the
/// assumptions behind it, configurable per segment and as the default; one person's NPV.
///
/// Group figures are aggregates: reading them needs `analytics:read` (households and
/// organisations follow their own read permissions); setting assumptions needs
/// `segments:manage` for a segment and `value:manage` for the default.
struct ValueAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("households/:id/value", .readPeople) { request, context, actor in
            try JSONResponse.make(try await store.households.value(of: try request.pathID(context, entity: "household"), by: actor))
        }
        api.get("organisations/:id/value", .readOrganisations) { request, context, actor in
            try JSONResponse.make(
                try await store.organisations.value(of: try request.pathID(context, entity: "organisation"), by: actor))
        }
        api.get("segments/:key/value", .readAnalytics) { _, context, actor in
            try JSONResponse.make(try await store.lifetimeValues.segment(try context.parameters.require("key"), by: actor))
        }
        api.put("segments/:key/value-assumptions", .manageSegments) { request, context, actor in
            let body = try await request.decodeJSON(ValueAssumptionsBody.self, context: context)
            return try JSONResponse.make(
                try await store.lifetimeValues.assumptions.set(
                    body.assumptions, forSegment: try context.parameters.require("key"), by: actor))
        }
        api.delete("segments/:key/value-assumptions", .manageSegments) { _, context, actor in
            try await store.lifetimeValues.assumptions.reset(forSegment: try context.parameters.require("key"), by: actor)
            return Response(status: .noContent)
        }
        api.get("value/lifetime", .readAnalytics) { _, _, actor in
            try JSONResponse.make(
                EveryoneValueBody(
                    assumptions: try await store.lifetimeValues.assumptions.standing(),
                    currencies: try await store.lifetimeValues.everyone(by: actor)))
        }
        api.put("value/assumptions", .manageValueModels) { request, context, actor in
            let body = try await request.decodeJSON(ValueAssumptionsBody.self, context: context)
            return try JSONResponse.make(
                try await store.lifetimeValues.assumptions.set(body.assumptions, forSegment: nil, by: actor))
        }
        api.get("people/:id/lifetime-value", .readPeople) { request, context, actor in
            let id: PersonID = try request.pathID(context, entity: "person")
            let memberships = try await store.segments.segments(of: id, by: actor)
            guard let value = try await store.lifetimeValues.person(id, in: memberships, by: actor) else {
                throw DomainError.notFound(entity: "lifetime value (the person has no purchases yet)", id: id.rawValue)
            }
            return try JSONResponse.make(value)
        }
    }
}

/// Lifetime value assumptions as a client sends them: every field optional, an absent one
/// takes Rapport's standard (retention and cost rate then come from the history).
struct ValueAssumptionsBody: Decodable {
    var retentionRates: [Double]?
    var discountRate: Double?
    var years: Int?
    var costRate: Double?
    var costPerCustomer: [String: Double]?
    var acquisitionCost: [String: Double]?

    var assumptions: ValueAssumptions {
        let standard = ValueAssumptions.standard
        return ValueAssumptions(
            retentionRates: retentionRates, discountRate: discountRate ?? standard.discountRate,
            years: years ?? standard.years, costRate: costRate, costPerCustomer: costPerCustomer ?? standard.costPerCustomer,
            acquisitionCost: acquisitionCost ?? standard.acquisitionCost)
    }
}

/// `GET /api/v1/value/lifetime`: the default assumptions and everyone's value per currency.
struct EveryoneValueBody: Encodable {
    let assumptions: ValueAssumptionRepository.Setting
    let currencies: [LifetimeValues.CurrencyValue]
}
