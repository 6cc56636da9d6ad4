import Foundation
import RapportCore
import RapportTestSupport
import Testing

@testable import RapportStore

/// The API token check is cached for a moment; these pin down when a cached answer may no
/// longer be given.
@Suite("Token check cache")
struct TokenCheckCacheTests {
    private let user = User(
        id: UserID(rawValue: "usr_cache"), username: "cache", displayName: "Cache", role: .analyst, createdAt: Date())

    @Test func anEntryLivesAtMostItsLifetime() {
        let cache = TokenCheckCache(lifetime: .seconds(1))
        let start = ContinuousClock.now
        cache.remember(user, forDigest: "d1", since: cache.generation, now: start)
        #expect(cache.user(forDigest: "d1", now: start + .milliseconds(999))?.id == user.id)
        #expect(cache.user(forDigest: "d1", now: start + .seconds(1)) == nil)
        #expect(cache.user(forDigest: "d2", now: start) == nil, "an unknown digest is never answered")
    }

    @Test func aLookupThatBeganBeforeARevocationIsNotRemembered() {
        let cache = TokenCheckCache()
        let before = cache.generation
        cache.removeAll()
        cache.remember(user, forDigest: "d1", since: before)
        #expect(cache.user(forDigest: "d1") == nil)
        cache.remember(user, forDigest: "d1", since: cache.generation)
        #expect(cache.user(forDigest: "d1") != nil)
    }

    @Test func aFullCacheStartsOver() {
        let cache = TokenCheckCache(capacity: 2)
        for digest in ["a", "b", "c"] { cache.remember(user, forDigest: digest, since: cache.generation) }
        #expect(cache.user(forDigest: "a") == nil && cache.user(forDigest: "b") == nil)
        #expect(cache.user(forDigest: "c") != nil)
    }

    /// Through the repository: a revoked token stops working at once in the same process,
    /// although it was found valid (and remembered) a moment before.
    @Test func revokingThroughTheStoreEndsTheTokenAtOnce() async throws {
        try await withTestStore { store in
            let owner = User(id: store.ids.make(), username: "owner", displayName: "Owner", role: .administrator, createdAt: Date())
            try await store.users.create(owner, passwordHash: "x", by: .system)
            let token = try await store.users.issueToken(for: owner, name: "reporting", by: .system)
            #expect(try await store.users.user(forToken: token)?.id == owner.id)
            #expect(try await store.users.user(forToken: token)?.id == owner.id, "answered from the cache")
            let record = try #require(try await store.users.tokens().first)
            try await store.users.revokeToken(record.id, by: .system)
            #expect(try await store.users.user(forToken: token) == nil)
        }
    }
}
