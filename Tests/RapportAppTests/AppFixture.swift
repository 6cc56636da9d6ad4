import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport

/// A running app (in-process router tests) over a demo store, with one user and API token
/// per role.
struct AppFixture: Sendable {
    let store: Store
    let tokens: [Role: String]
    let routes: APIRouteTable
    static let password = "correct-horse-battery"

    static func run(people: Int = 40, _ body: @Sendable (any TestClientProtocol, AppFixture) async throws -> Void) async throws {
        try await withDemoStore(people: people) { store in
            let hasher = PasswordHasher(cost: 4)
            let accounts = Accounts(store: store, hasher: hasher)
            var tokens: [Role: String] = [:]
            for role in Role.allCases {
                let user = try await accounts.create(username: "u.\(role.rawValue)", displayName: nil, role: role, password: password)
                tokens[role] = try await store.users.issueToken(for: user, name: "test", by: .system)
            }
            var logger = Logger(label: "test")
            logger.logLevel = .error
            let table = APIRouteTable()
            let app = try await buildApplication(
                configuration: AppConfiguration(passwordHasher: hasher), store: store, logger: logger, routeTable: table)
            let fixture = AppFixture(store: store, tokens: tokens, routes: table)
            try await app.test(.router) { client in try await body(client, fixture) }
        }
    }

    func headers(_ role: Role = .administrator, json: Bool = true) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(tokens[role]!)"
        if json { headers[.contentType] = "application/json" }
        return headers
    }

    /// Some person, and the 360 of the one with most purchases.
    func anyPersonID() async throws -> String {
        try await store.database.sql.raw("SELECT id FROM people ORDER BY id LIMIT 1").first()!.decode(column: "id", as: String.self)
    }

    func anyID(_ table: String) async throws -> String {
        try await store.database.sql.raw("SELECT id FROM \(unsafeRaw: table) ORDER BY id LIMIT 1").first()!.decode(column: "id", as: String.self)
    }
}

extension ByteBuffer {
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(buffer: self))) as? [String: Any] ?? [:] }
    var text: String { String(buffer: self) }
}
