import Foundation
import Hummingbird
import RapportCore
import RapportIdentity
import RapportStore

/// `/api/v1/resolution` (R1.7): the match model loose matching uses — where it came from
/// (fitted on the stored people by `rapport resolve fit`, or the standard model), its prior,
/// and the two thresholds that decide between match, clerical review and new person — and
/// setting those thresholds, as `rapport resolve thresholds` does. Both need
/// `identity:resolve`; a change is audited and used by the next arriving record.
struct ResolutionAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("resolution/model", .resolveIdentities) { _, _, _ in
            try JSONResponse.make(MatchModelDocument(try await store.matchModels.current()))
        }
        api.put("resolution/thresholds", .resolveIdentities) { request, context, actor in
            let body = try await request.decodeJSON(ThresholdsBody.self, context: context)
            let (match, review) = try body.values()
            return try JSONResponse.make(
                MatchModelDocument(try await store.matchModels.setThresholds(match: match, review: review, by: actor)))
        }
    }
}

/// `{"match": 0.9, "review": 0.5}`: probabilities; a pair at or above `match` is the same
/// person, one at or above `review` goes to the review queue.
struct ThresholdsBody: Decodable {
    let match: Double?
    let review: Double?

    func values() throws -> (match: Double, review: Double) {
        var issues: [FieldIssue] = []
        if match == nil { issues.append(.required("match")) }
        if review == nil { issues.append(.required("review")) }
        guard let match, let review else { throw DomainError.invalid(issues) }
        return (match, review)
    }
}

/// The model in force, without its per-level weights (those are on the review pages' evidence).
struct MatchModelDocument: Encodable {
    let id: String?
    let origin: String
    let fittedAt: String?
    let recordCount: Int
    let prior: Double
    let iterations: Int
    let matchThreshold: Double
    let reviewThreshold: Double

    init(_ model: StoredMatchModel) {
        id = model.id?.rawValue
        origin = model.origin.rawValue
        fittedAt = model.fittedAt.map(Timestamp.format)
        recordCount = model.recordCount
        prior = model.model.prior
        iterations = model.model.iterations
        matchThreshold = model.matchThreshold
        reviewThreshold = model.reviewThreshold
    }
}
