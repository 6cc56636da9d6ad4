import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Webhooks over AsyncHTTPClient. Redirects are not followed and no proxy is configured,
/// so a POST only ever goes to the subscription's own URL; the answer's body is read (up to
/// 64 KiB, to keep the connection reusable) and dropped.
public final class LiveWebhookClient: WebhookClient {
    private let http: HTTPClient

    public init() {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.decompression = .disabled
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func post(_ request: WebhookRequest) async throws -> Int {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .POST
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        let response = try await http.execute(outgoing, timeout: .milliseconds(Int64(request.timeout * 1000)))
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }

    /// Closes the connections; call once the dispatcher has stopped.
    public func shutdown() async throws {
        try await http.shutdown()
    }
}
