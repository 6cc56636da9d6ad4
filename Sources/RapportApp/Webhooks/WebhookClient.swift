import Foundation

/// Sends one webhook POST: the outside system behind ``WebhookDispatcher``, kept small so
/// tests can stand in for it. ``LiveWebhookClient`` speaks HTTP;
/// ``UnimplementedWebhookClient`` fails every call, for tests that must not send.
public protocol WebhookClient: Sendable {
    /// POSTs `request.body` to exactly `request.url`; returns the status code the receiver
    /// answered. Throws when there is no answer in `request.timeout`.
    func post(_ request: WebhookRequest) async throws -> Int
}

/// One POST as the dispatcher builds it: target, headers (event, delivery, signature) and body.
public struct WebhookRequest: Sendable {
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var timeout: TimeInterval

    public init(url: String, headers: [(name: String, value: String)], body: [UInt8], timeout: TimeInterval) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// The client for code that must never send a webhook: every call throws, so an
/// unexpected delivery fails the test that caused it instead of reaching the network.
public struct UnimplementedWebhookClient: WebhookClient {
    public struct UnexpectedCall: Error, CustomStringConvertible {
        public let url: String
        public var description: String { "UnimplementedWebhookClient was asked to POST to \(url)" }
    }

    public init() {}

    public func post(_ request: WebhookRequest) async throws -> Int {
        throw UnexpectedCall(url: request.url)
    }
}
