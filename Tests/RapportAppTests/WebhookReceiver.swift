import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore

/// A real HTTP receiver on 127.0.0.1 (a random free port) that keeps every request it gets
/// and answers `status`, for the webhook delivery tests.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        let headers: HTTPFields
        let body: [UInt8]
    }

    let status: HTTPResponse.Status
    let location: String?
    private let box = NIOLockedValueBox<[Received]>([])

    /// `location` is sent with the answer (to test that redirects are not followed).
    init(answering status: HTTPResponse.Status = .ok, location: String? = nil) {
        self.status = status
        self.location = location
    }

    var received: [Received] { box.withLockedValue { $0 } }

    /// Runs the receiver for the length of `body`, which gets the URL to post to.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("elsewhere") { _, _ -> Response in
            self.box.withLockedValue { $0.append(Received(headers: [:], body: Array("redirect followed".utf8))) }
            return Response(status: .ok)
        }
        router.post("hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            self.box.withLockedValue { $0.append(Received(headers: request.headers, body: Array(buffer: bytes))) }
            var headers = HTTPFields()
            if let location = self.location { headers[.location] = location }
            return Response(status: self.status, headers: headers)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/hook")
        }
    }
}
