import Foundation
import Hummingbird
import NIOCore
import HummingbirdAuth
import RapportCore

/// Per-request state: who is calling (from an API token or a session cookie), the CSRF
/// token of a browser session, and JSON coders that speak Rapport's formats.
public struct AppRequestContext: AuthRequestContext, RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: User?
    /// The client's address, for login throttling and the audit trail.
    public var remoteAddress: SocketAddress?
    /// Set for browser sessions: forms must echo it back.
    public var csrfToken: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    public var requestDecoder: JSONDecoder { JSONCoding.decoder }
    public var responseEncoder: JSONEncoder { JSONCoding.encoder }

    /// The caller as the store sees them; throws 401 when nobody is signed in.
    public func actor() throws -> Actor {
        guard let identity else { throw HTTPError(.unauthorized, message: "Sign in or send an API token.") }
        return Actor(identity)
    }

    /// The caller, who must hold `permission`.
    public func actor(needing permission: Permission) throws -> Actor {
        let actor = try actor()
        guard actor.can(permission) else {
            throw DomainError.forbidden("Your role (\(actor.role.label)) does not allow \(permission.rawValue).")
        }
        return actor
    }
}

/// The JSON conventions of the API: instants as ISO 8601 UTC with milliseconds, keys in
/// camelCase as declared, sorted output so responses are stable.
public enum JSONCoding {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO 8601 time."))
            }
            return date
        }
        return decoder
    }()
}
