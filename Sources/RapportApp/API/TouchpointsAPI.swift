import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/touchpoints`: the registry of sources (R1.1) and ingestion into them (R1.2).
/// Administrators register and change touchpoints; anyone who may write people may send
/// records, which are resolved to people or quarantined (see ``IngestionRepository``).
struct TouchpointsAPI {
    let store: Store
    /// The most records one batch may carry.
    static let batchLimit = 1000

    func register(on api: APIRoutes) {
        api.get("touchpoints", .readPeople) { _, _, _ in
            try JSONResponse.make(try await store.sources.list())
        }
        api.post("touchpoints", .manageTouchpoints) { request, context, actor in
            let draft = try await request.decodeJSON(TouchpointDraft.self, context: context)
            let touchpoint = try draft.validated(id: store.ids.make(), now: Date(), customAttributes: try await customAttributes())
            try await store.sources.register(touchpoint, by: actor)
            return try JSONResponse.make(touchpoint, status: .created, location: "/api/v1/touchpoints/\(touchpoint.id)")
        }
        api.get("touchpoints/:id", .readPeople) { request, context, _ in
            try JSONResponse.make(try await store.sources.find(try request.pathID(context, entity: "touchpoint")))
        }
        api.patch("touchpoints/:id", .manageTouchpoints) { request, context, actor in
            let id: SourceID = try request.pathID(context, entity: "touchpoint")
            let patch = try await request.decodeJSON(TouchpointPatch.self, context: context)
            return try JSONResponse.make(try await store.sources.update(id, with: patch, customAttributes: try await customAttributes(), by: actor))
        }
        api.post("touchpoints/:id/records", .writePeople) { request, context, actor in
            let touchpoint = try await store.sources.find(try request.pathID(context, entity: "touchpoint"))
            let body = try await IngestionBody.collect(request, limit: 1 << 20)
            let result = try await store.ingestion.ingest(
                IngestionBody.request(payload: body, lineage: "api"), from: touchpoint, by: actor)
            let status: HTTPResponse.Status =
                switch result.outcome {
                case .created: .created
                case .matched: .ok
                case .quarantined: .accepted
                }
            return try JSONResponse.make(result, status: status)
        }
        api.post("touchpoints/:id/records/batch", .writePeople) { request, context, actor in
            let touchpoint = try await store.sources.find(try request.pathID(context, entity: "touchpoint"))
            let body = try await IngestionBody.collect(request, limit: 16 << 20)
            let elements = try IngestionBody.elements(of: body, limit: Self.batchLimit)
            let batch = "api batch " + UUID().uuidString.lowercased()
            let requests = elements.enumerated().map { IngestionBody.request(payload: $1, lineage: "\(batch) [\($0)]") }
            let results = try await store.ingestion.ingest(batch: requests, from: touchpoint, by: actor)
            return try JSONResponse.make(BatchResponse(results: results))
        }
    }

    private func customAttributes() async throws -> Set<String> {
        Set(try await store.attributes.definitions().map(\.key))
    }
}

/// Per-record results of a batch, in the order sent, and how many of each outcome.
struct BatchResponse: Encodable {
    let results: [IngestionResult]
    let matched: Int
    let created: Int
    let quarantined: Int

    init(results: [IngestionResult]) {
        self.results = results
        matched = results.filter { $0.outcome == .matched }.count
        created = results.filter { $0.outcome == .created }.count
        quarantined = results.filter { $0.outcome == .quarantined }.count
    }
}
