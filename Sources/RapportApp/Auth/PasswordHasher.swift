import HummingbirdBcrypt
import NIOPosix

/// bcrypt password hashing, run off the event loops (a cost-12 hash takes ~250 ms).
public struct PasswordHasher: Sendable {
    /// The bcrypt cost; tests use a low cost to stay fast.
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        guard hash.hasPrefix("$2") else { return false }
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
