import Foundation
import Hummingbird
import RapportCore
import RapportIntegration
import RapportStore

/// `/api/v1/survivorship`: the rule per attribute that picks each golden value (R1.3), and
/// `/api/v1/people/{id}/golden`: where each of a person's values comes from. Changing a rule
/// needs `identity:resolve` and recomputes every golden profile before it answers.
struct SurvivorshipAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("survivorship", .readPeople) { _, _, _ in
            try JSONResponse.make(SurvivorshipPolicyDocument(try await store.survivorship.policy()))
        }
        api.put("survivorship", .resolveIdentities) { request, _, actor in
            let policy = try store.survivorship.parse(try await Self.body(request))
            let summary = try await store.survivorship.replace(with: policy, by: actor)
            return try JSONResponse.make(SurvivorshipChange(policy: .init(policy), recompute: summary))
        }
        api.put("survivorship/:key", .resolveIdentities) { request, context, actor in
            let attribute = try context.parameters.require("key")
            let setting = try Self.setting(
                for: attribute, from: try await Self.body(request), parse: store.survivorship.parse)
            let summary = try await store.survivorship.set(setting, for: attribute, by: actor)
            let policy = try await store.survivorship.policy()
            return try JSONResponse.make(SurvivorshipChange(policy: .init(policy), recompute: summary))
        }
        api.get("people/:id/golden", .readPeople) { request, context, actor in
            let id: PersonID = try request.pathID(context, entity: "person")
            return try JSONResponse.make(GoldenProfileDocument(
                personID: id, attributes: try await store.survivorship.golden(of: id, by: actor)))
        }
    }

    private static func body(_ request: Request) async throws -> Data {
        var request = request
        return Data(buffer: try await request.collectBody(upTo: 1 << 20))
    }

    /// One attribute's setting, read as part of a policy so an error names its full path
    /// (`attributes.email.rule`, or `default.rule`).
    static func setting(
        for attribute: String, from body: Data, parse: (Data) throws(DomainError) -> SurvivorshipPolicy
    ) throws -> AttributeSurvivorship {
        guard attribute == "default" || GoldenAttribute(rawValue: attribute) != nil else {
            throw DomainError.notFound(entity: "survivorship attribute", id: attribute)
        }
        guard (try? JSONSerialization.jsonObject(with: body)) is [String: Any] else {
            throw DomainError.invalid([
                FieldIssue(
                    field: "body", code: "invalid",
                    message: "The body must be a JSON object such as {\"rule\": \"most_recent\"}.")
            ])
        }
        let key = String(decoding: try JSONEncoder().encode(attribute), as: UTF8.self)
        let wrapped = attribute == "default"
            ? Data("{\"default\":".utf8) + body + Data("}".utf8)
            : Data("{\"attributes\":{\(key):".utf8) + body + Data("}}".utf8)
        let policy = try parse(wrapped)
        return attribute == "default" ? policy.defaultSetting : policy.attributes[attribute]!
    }
}

/// The policy as the API and the admin page show it: as stored, and the setting in force for
/// every attribute survivorship decides.
struct SurvivorshipPolicyDocument: Encodable {
    let policy: SurvivorshipPolicy
    let effective: [Effective]

    struct Effective: Encodable {
        let attribute: String
        let label: String
        let rule: SurvivorshipRule
        let ignoresEmptyValues: Bool
        let comparison: ValueComparison
        /// False when the attribute follows the default.
        let own: Bool
    }

    init(_ policy: SurvivorshipPolicy) {
        self.policy = policy
        effective = GoldenAttribute.allCases.map { attribute in
            let setting = policy.setting(for: attribute.rawValue)
            return Effective(
                attribute: attribute.rawValue, label: attribute.label, rule: setting.rule,
                ignoresEmptyValues: setting.ignoresEmptyValues, comparison: setting.comparison,
                own: policy.attributes[attribute.rawValue] != nil)
        }
    }

    private enum CodingKeys: String, CodingKey { case `default`, attributes, effective }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policy.defaultSetting, forKey: .default)
        try container.encode(policy.attributes, forKey: .attributes)
        try container.encode(effective, forKey: .effective)
    }
}

/// The answer to a rule change: the policy now, and what recomputing did.
struct SurvivorshipChange: Encodable {
    let policy: SurvivorshipPolicyDocument
    let recompute: RecomputeSummary
}

struct GoldenProfileDocument: Encodable {
    let personID: PersonID
    let attributes: [StoredGoldenValue]
}
