import Foundation
import Hummingbird
import RapportCore
import RapportIntegration
import RapportStore

/// `/api/v1/households/…`, `/api/v1/movers` and `/api/v1/enrichments`: the household rule
/// and its rebuild (R1.8), movers files (R1.6) and enrichment files (R1.9). Data stewardship:
/// all need `identity:resolve`. Files are sent as the body (`text/csv`), their settings as
/// query parameters; a file whose columns do not fit is refused before any row is applied.
struct HouseholdsAPI {
    let store: Store

    /// The largest file the API takes; bigger ones go through `rapport movers` / `rapport enrich`.
    static let fileLimit = 50 << 20

    func register(on api: APIRoutes) {
        api.get("households/rule", .resolveIdentities) { _, _, _ in
            try JSONResponse.make(try await store.householdRules.current().draft)
        }
        api.put("households/rule", .resolveIdentities) { request, context, actor in
            let draft = try await request.decodeJSON(HouseholdRuleDraft.self, context: context)
            return try JSONResponse.make(try await store.householdRules.set(draft, by: actor).draft)
        }
        api.post("households/rebuild", .resolveIdentities) { _, _, actor in
            try JSONResponse.make(try await store.householdRebuild.run(by: actor))
        }
        api.post("movers", .resolveIdentities) { request, _, actor in
            let values = FormFields(request.uri.query ?? "").values
            let options = try FileJobParameters.moversOptions(values)
            let source = try await store.movers.source(
                named: values["source"].flatMap { $0.isEmpty ? nil : $0 }, by: actor)
            let body = try await Self.body(request)
            do {
                return try JSONResponse.make(
                    try await store.movers.run(
                        .bytes(body), name: values["name"] ?? "movers.csv", options: options, source: source, by: actor)
                )
            } catch let error as CSVImportError {
                throw FileJobParameters.problem(error)
            }
        }
        api.post("enrichments", .resolveIdentities) { request, _, actor in
            let values = FormFields(request.uri.query ?? "").values
            let mapping = try FileJobParameters.mapping(values["mapping"])
            let source = try await FileJobParameters.touchpoint(values["source"], field: "source", in: store)
            let body = try await Self.body(request)
            do {
                return try JSONResponse.make(
                    try await store.enrichment.run(
                        .bytes(body), name: values["name"] ?? "enrichment.csv", mapping: mapping,
                        personIDColumn: values["personIDColumn"].flatMap { $0.isEmpty ? nil : $0 }, source: source,
                        by: actor))
            } catch let error as CSVImportError {
                throw FileJobParameters.problem(error)
            }
        }
    }

    private static func body(_ request: Request) async throws -> [UInt8] {
        var request = request
        let buffer = try await request.collectBody(upTo: fileLimit)
        guard buffer.readableBytes > 0 else { throw DomainError.invalid([.required("body")]) }
        return Array(buffer.readableBytesView)
    }
}
