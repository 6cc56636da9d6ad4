import NIOConcurrencyHelpers
import RapportCore

/// API tokens found valid in the last moment, so a client sending many requests is not
/// looked up in `api_tokens` and `users` on every one of them.
///
/// Why it is safe: only valid tokens are held (an unknown token is always looked up, so a
/// token issued a moment ago works at once), an entry lives at most `lifetime`, and
/// ``UserRepository/revokeToken(_:by:now:)`` empties the cache in the same process before it
/// returns — a token revoked through the server stops working at once, as before. A token
/// revoked by *another* process on the same database (the CLI, a second server) keeps
/// working for at most `lifetime` there: one second by default.
///
/// Keyed by the token's SHA-256 digest, like the table, so no plain token is kept.
final class TokenCheckCache: Sendable {
    private struct Entry {
        let user: User
        let expiresAt: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Moved by every ``removeAll()``: a lookup that began before a revocation must not
        /// store its (by then outdated) answer after it.
        var generation = 0
    }

    private let state = NIOLockedValueBox(State())
    private let lifetime: Duration
    private let capacity: Int

    init(lifetime: Duration = .seconds(1), capacity: Int = 4_096) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The user behind `digest` if it was found valid less than `lifetime` ago.
    func user(forDigest digest: String, now: ContinuousClock.Instant = .now) -> User? {
        state.withLockedValue { state in
            guard let entry = state.entries[digest] else { return nil }
            guard entry.expiresAt > now else {
                state.entries[digest] = nil
                return nil
            }
            return entry.user
        }
    }

    /// The current generation, taken before a lookup in the database.
    var generation: Int { state.withLockedValue { $0.generation } }

    /// Remembers that `digest` belongs to `user`, as found by a lookup that began at
    /// `generation` — unless a revocation happened since. When full, the cache starts over
    /// rather than tracking ages: a full cache means many clients, each of which pays one
    /// lookup again.
    func remember(_ user: User, forDigest digest: String, since generation: Int, now: ContinuousClock.Instant = .now) {
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[digest] = Entry(user: user, expiresAt: now + lifetime)
        }
    }

    /// Forgets every token (after a revocation).
    func removeAll() {
        state.withLockedValue { state in
            state.entries.removeAll()
            state.generation += 1
        }
    }
}
