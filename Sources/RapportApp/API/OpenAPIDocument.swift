import Foundation
import Hummingbird

/// The OpenAPI 3.1 description of `/api/v1`, kept as a hand-written resource file so it is
/// a contract of its own; a test checks it against the routes actually registered.
struct OpenAPIDocument: Sendable {
    let data: Data

    static func load() throws -> OpenAPIDocument {
        OpenAPIDocument(data: try Data(contentsOf: WebViews.resources.appendingPathComponent("openapi.json")))
    }

    func response() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
