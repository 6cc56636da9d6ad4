import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import RapportCore

/// One API operation as registered: method, OpenAPI-style path and the permission it needs.
public struct APIRoute: Hashable, Sendable, Comparable {
    public let method: String
    public let path: String
    public let permission: Permission?

    public static func < (lhs: APIRoute, rhs: APIRoute) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }
}

/// The single place API routes are added. Each registration names its permission; the
/// check happens here before the handler runs, and the table of routes it keeps is what
/// the OpenAPI and role-matrix tests compare against.
struct APIRoutes: Sendable {
    typealias Handler = @Sendable (Request, AppRequestContext, Actor) async throws -> Response
    let group: RouterGroup<AppRequestContext>
    let prefix: String
    let table: APIRouteTable

    func get(_ path: String, _ permission: Permission, _ handler: @escaping Handler) { add(.get, path, permission, handler) }
    func post(_ path: String, _ permission: Permission, _ handler: @escaping Handler) { add(.post, path, permission, handler) }
    func patch(_ path: String, _ permission: Permission, _ handler: @escaping Handler) { add(.patch, path, permission, handler) }
    func put(_ path: String, _ permission: Permission, _ handler: @escaping Handler) { add(.put, path, permission, handler) }
    func delete(_ path: String, _ permission: Permission, _ handler: @escaping Handler) { add(.delete, path, permission, handler) }

    private func add(_ method: HTTPRequest.Method, _ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        table.append(APIRoute(method: method.rawValue, path: prefix + "/" + Self.openAPIPath(path), permission: permission))
        group.on(RouterPath(path), method: method) { request, context in
            try await handler(request, context, try context.actor(needing: permission))
        }
    }

    /// `people/:id/360` → `people/{id}/360`.
    static func openAPIPath(_ path: String) -> String {
        path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }
}

/// The routes registered so far (written while the router is built, read by tests).
public final class APIRouteTable: Sendable {
    private let routes = NIOLockedValueBox<[APIRoute]>([])

    public init() {}

    func append(_ route: APIRoute) { routes.withLockedValue { $0.append(route) } }

    public var all: [APIRoute] { routes.withLockedValue { $0 }.sorted() }
}

/// JSON responses in the API's conventions.
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, location: String? = nil) throws -> Response {
        var headers = HTTPFields()
        if let location { headers[.location] = location }
        return make(encoded: try StreamingJSONEncoder.encode(value), status: status, headers: headers)
    }

    /// A body already encoded with ``StreamingJSONEncoder`` (such as a cached 360).
    static func make(encoded: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: encoded)))
    }
}
