import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import Testing

@Suite("Every role × every API route (R10.1)")
struct RoleMatrixTests {
    @Test func eachRouteRefusesExactlyTheRolesWithoutItsPermission() async throws {
        try await AppFixture.run { client, fixture in
            // One open quarantine item, so its routes have something to act on.
            let touchpoint = try await fixture.store.sources.list()[0]
            _ = try await fixture.store.ingestion.ingest(
                IngestionRequest(payload: "{}", parsed: .success(IngestRecord())), from: touchpoint, by: .system)
            // One webhook subscription (never sent to: no dispatcher runs here).
            let webhook = try WebhookDraft(url: "http://127.0.0.1:9/hook", events: ["person.created"])
                .validated(id: fixture.store.ids.make(), by: .system, now: Date())
            _ = try await fixture.store.webhooks.create(webhook, by: .system)
            let ids = [
                "people": try await fixture.anyID("people"), "organisations": try await fixture.anyID("organisations"),
                "households": try await fixture.anyID("households"), "interactions": try await fixture.anyID("interactions"),
                "purchases": try await fixture.anyID("purchases"), "touchpoints": touchpoint.id.rawValue,
                "quarantine": try await fixture.anyID("quarantine"), "webhooks": webhook.id.rawValue,
            ]
            let routes = fixture.routes.all
            #expect(routes.count >= 28)
            for route in routes {
                let segments = route.path.split(separator: "/").map(String.init)
                let collection = segments.count > 2 ? segments[2] : ""
                let uri = "/" + segments.map { $0 == "{id}" ? ids[collection] ?? "x" : $0 == "{key}" ? "no_such_key" : $0 }.joined(separator: "/")
                for role in Role.allCases {
                    let allowed = route.permission.map(role.permissions.contains) ?? true
                    let body = route.method == "GET" ? nil : ByteBuffer(string: "{}")
                    try await client.execute(uri: uri, method: .init(route.method)!, headers: fixture.headers(role), body: body) { response in
                        if allowed {
                            #expect(response.status != .forbidden, "\(role) \(route.method) \(uri) was refused")
                            #expect(response.status.code < 500, "\(role) \(route.method) \(uri) failed: \(response.body.text)")
                        } else {
                            #expect(response.status == .forbidden, "\(role) \(route.method) \(uri) answered \(response.status)")
                        }
                    }
                }
            }
        }
    }

    @Test func segmentRoutesNeedReadPeopleToReadAndSegmentsManageToChange() async throws {
        try await AppFixture.run { _, fixture in
            let segmentRoutes = Set(
                fixture.routes.all.filter { $0.path.hasPrefix("/api/v1/segments") || $0.path.hasSuffix("/segments") }
                    .map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                segmentRoutes == [
                    "GET /api/v1/segments people:read", "POST /api/v1/segments segments:manage",
                    "POST /api/v1/segments/preview segments:manage", "GET /api/v1/segments/{key} people:read",
                    "PATCH /api/v1/segments/{key} segments:manage", "DELETE /api/v1/segments/{key} segments:manage",
                    "GET /api/v1/segments/{key}/members people:read", "POST /api/v1/segments/{key}/freeze segments:manage",
                    "GET /api/v1/people/{id}/segments people:read", "GET /api/v1/segments/{key}/value analytics:read",
                    "PUT /api/v1/segments/{key}/value-assumptions segments:manage",
                    "DELETE /api/v1/segments/{key}/value-assumptions segments:manage",
                ])
            let managers = Role.allCases.filter { $0.permissions.contains(.manageSegments) }
            #expect(Set(managers) == [.administrator, .marketer, .analyst])
        }
    }

    @Test func valueModelRoutesNeedAnalyticsReadToReadAndValueManageToRefit() async throws {
        try await AppFixture.run { _, fixture in
            let valueRoutes = Set(
                fixture.routes.all.filter { $0.path.hasPrefix("/api/v1/value") }
                    .map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                valueRoutes == [
                    "GET /api/v1/value/models analytics:read", "POST /api/v1/value/refit value:manage",
                    "GET /api/v1/value/lifetime analytics:read", "PUT /api/v1/value/assumptions value:manage",
                ])
        }
    }

    @Test func offerRoutesNeedReadPeopleToReadAndSegmentsManageToChange() async throws {
        try await AppFixture.run { _, fixture in
            let offerRoutes = Set(
                fixture.routes.all.filter { $0.path.hasPrefix("/api/v1/offers") || $0.path.hasSuffix("/offers") }
                    .map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                offerRoutes == [
                    "GET /api/v1/offers people:read", "POST /api/v1/offers segments:manage",
                    "GET /api/v1/offers/{key} people:read", "PATCH /api/v1/offers/{key} segments:manage",
                    "DELETE /api/v1/offers/{key} segments:manage", "GET /api/v1/people/{id}/offers people:read",
                ])
        }
    }

    @Test func identityRoutesNeedIdentityResolveWhichOnlyAdministratorsHold() async throws {
        try await AppFixture.run { _, fixture in
            let identity = Set(
                fixture.routes.all.filter {
                    $0.path.hasPrefix("/api/v1/reviews") || $0.path.hasPrefix("/api/v1/merges") || $0.path.hasSuffix("/merge")
                        || $0.path.hasSuffix("/merges") || $0.path.hasPrefix("/api/v1/resolution")
                }
                .map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                identity == [
                    "GET /api/v1/reviews identity:resolve", "GET /api/v1/reviews/{id} identity:resolve",
                    "POST /api/v1/reviews/{id}/accept identity:resolve", "POST /api/v1/reviews/{id}/reject identity:resolve",
                    "POST /api/v1/people/{id}/merge identity:resolve", "GET /api/v1/people/{id}/merges identity:resolve",
                    "POST /api/v1/merges/{id}/unmerge identity:resolve",
                    "GET /api/v1/resolution/model identity:resolve", "PUT /api/v1/resolution/thresholds identity:resolve",
                ])
            #expect(Role.allCases.filter { $0.permissions.contains(.resolveIdentities) } == [.administrator])
        }
    }

    @Test func webhookRoutesNeedWebhooksManageWhichOnlyAdministratorsHold() async throws {
        try await AppFixture.run { _, fixture in
            let webhookRoutes = Set(
                fixture.routes.all.filter { $0.path.hasPrefix("/api/v1/webhooks") }
                    .map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                webhookRoutes == [
                    "GET /api/v1/webhooks webhooks:manage", "POST /api/v1/webhooks webhooks:manage",
                    "GET /api/v1/webhooks/{id} webhooks:manage", "PATCH /api/v1/webhooks/{id} webhooks:manage",
                    "DELETE /api/v1/webhooks/{id} webhooks:manage", "GET /api/v1/webhooks/{id}/deliveries webhooks:manage",
                    "POST /api/v1/webhooks/{id}/test webhooks:manage",
                ])
            #expect(Role.allCases.filter { $0.permissions.contains(.manageWebhooks) } == [.administrator])
        }
    }

    @Test func survivorshipRoutesNeedIdentityResolveToChangeRulesAndPeopleReadToExplain() async throws {
        try await AppFixture.run { _, fixture in
            let survivorship = Set(
                fixture.routes.all.filter { $0.path.hasPrefix("/api/v1/survivorship") || $0.path.hasSuffix("/golden") }
                    .map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                survivorship == [
                    "GET /api/v1/survivorship people:read", "PUT /api/v1/survivorship identity:resolve",
                    "PUT /api/v1/survivorship/{key} identity:resolve", "GET /api/v1/people/{id}/golden people:read",
                ])
        }
    }

    @Test func householdMoversAndEnrichmentRoutesNeedIdentityResolve() async throws {
        try await AppFixture.run { _, fixture in
            let routes = Set(
                fixture.routes.all.filter {
                    ["/api/v1/households/rule", "/api/v1/households/rebuild", "/api/v1/movers", "/api/v1/enrichments"]
                        .contains($0.path)
                }.map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                routes == [
                    "GET /api/v1/households/rule identity:resolve", "PUT /api/v1/households/rule identity:resolve",
                    "POST /api/v1/households/rebuild identity:resolve", "POST /api/v1/movers identity:resolve",
                    "POST /api/v1/enrichments identity:resolve",
                ])
        }
    }

    @Test func ingestionRoutesNeedPeopleWriteToSendAndTouchpointsManageToReviewTheQuarantine() async throws {
        try await AppFixture.run { _, fixture in
            let ingestion = Set(
                fixture.routes.all.filter { $0.path.hasPrefix("/api/v1/touchpoints/{id}/") || $0.path.hasPrefix("/api/v1/quarantine") }
                    .map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                ingestion == [
                    "POST /api/v1/touchpoints/{id}/records people:write",
                    "POST /api/v1/touchpoints/{id}/records/batch people:write",
                    "POST /api/v1/touchpoints/{id}/events people:write",
                    "GET /api/v1/quarantine touchpoints:manage", "GET /api/v1/quarantine/{id} touchpoints:manage",
                    "POST /api/v1/quarantine/{id}/replay touchpoints:manage",
                    "POST /api/v1/quarantine/{id}/discard touchpoints:manage",
                ])
        }
    }

    @Test func suppressionAndDataMartRoutesNeedTheirPermissions() async throws {
        try await AppFixture.run { _, fixture in
            let routes = Set(
                fixture.routes.all.filter { $0.path.contains("suppressions") || $0.path.hasPrefix("/api/v1/marts") }
                    .map { "\($0.method) \($0.path) \($0.permission?.rawValue ?? "-")" })
            #expect(
                routes == [
                    "POST /api/v1/people/{id}/suppressions people:suppress",
                    "GET /api/v1/people/{id}/suppressions people:read",
                    "POST /api/v1/suppressions/{id}/lift people:suppress", "GET /api/v1/suppressions people:read",
                    "GET /api/v1/marts marts:manage", "POST /api/v1/marts marts:manage",
                    "POST /api/v1/marts/count marts:manage", "GET /api/v1/marts/{key} marts:manage",
                    "PUT /api/v1/marts/{key} marts:manage", "DELETE /api/v1/marts/{key} marts:manage",
                    "GET /api/v1/marts/{key}/export.csv marts:manage",
                ])
            let suppressors = Role.allCases.filter { $0.permissions.contains(.suppressPeople) }
            #expect(Set(suppressors) == [.administrator, .privacyOfficer, .serviceAgent])
            let martMakers = Role.allCases.filter { $0.permissions.contains(.manageDataMarts) }
            #expect(martMakers.allSatisfy { $0.permissions.contains(.exportData) }, "a mart's maker may download it")
        }
    }

    @Test func openAPIDocumentDescribesExactlyTheRegisteredRoutes() async throws {
        try await AppFixture.run { client, fixture in
            var documented: Set<String> = []
            var permissions: [String: String] = [:]
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let doc = response.body.json
                #expect(doc["openapi"] as? String == "3.1.0")
                for (path, item) in doc["paths"] as? [String: [String: Any]] ?? [:] {
                    for (method, operation) in item {
                        let key = "\(method.uppercased()) \(path)"
                        documented.insert(key)
                        permissions[key] = (operation as? [String: Any])?["x-rapport-permission"] as? String
                    }
                }
            }
            let registered = Set(fixture.routes.all.map { "\($0.method) \($0.path)" })
            #expect(registered.subtracting(documented).sorted() == [], "routes missing from openapi.json")
            #expect(documented.subtracting(registered).sorted() == [], "documented routes that do not exist")
            for route in fixture.routes.all {
                #expect(permissions["\(route.method) \(route.path)"] == route.permission?.rawValue, "permission of \(route.method) \(route.path)")
            }
        }
    }
}
