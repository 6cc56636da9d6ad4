import NIOConcurrencyHelpers
import RapportCore

/// Follows the `view_changes` feed of an SQLite store (migration 018) for a
/// ``CustomerDocumentCache``: which people's 360 changed since the cache last looked,
/// whichever process or path changed it.
///
/// Each call of ``catchUp(_:)`` first asks its own connection for SQLite's `data_version`,
/// which moves only when another connection has committed — no B-tree is read. Only then is
/// the feed read, from the last number seen, and the people in it dropped from the cache. So
/// a cached 360 costs one pragma per request instead of a stamp read in the people table,
/// and a commit that changes no 360 (the audit trail's batches) costs one empty read of the feed.
///
/// The pragma is read *before* the feed: a commit between the two is then either in the
/// read or shows as a new `data_version` at the next call, never lost.
final class ViewChangeFeed: Sendable {
    /// How many of the latest changes the feed keeps (its pruning trigger, migration 018).
    static let kept = 100_000

    private struct State: @unchecked Sendable {
        var connection: DirectConnection?
        var dataVersion: Int64?
        /// The newest feed number handed to the cache; nil until the first read.
        var seen: Int64?
    }

    private let path: String
    private let state = NIOLockedValueBox(State())

    init(path: String) {
        self.path = path
    }

    /// Closes the feed's connection (with the store); a later ``catchUp(_:)`` would open it again.
    func close() {
        state.withLockedValue { state in
            state.connection?.close()
            state.connection = nil
            // Another connection's `data_version` means nothing to this one: read the feed next time.
            state.dataVersion = nil
        }
    }

    /// Brings `cache` up to date with the feed; returns the number the cache is now current
    /// at, for ``CustomerDocumentCache/store(_:for:ifCurrentAt:)``.
    func catchUp(_ cache: CustomerDocumentCache) throws -> Int64 {
        try state.withLockedValue { state in
            let connection = try state.connection ?? DirectConnection(path: path, readOnly: true)
            state.connection = connection
            let version = try connection.query("PRAGMA data_version", []).first?.int64("data_version")
            if let seen = state.seen, version == state.dataVersion { return seen }
            guard let seen = state.seen else {
                // First look: start at the newest change; anything cached before is forgotten.
                let newest = try connection.query("SELECT COALESCE(MAX(seq), 0) AS seq FROM view_changes", []).first
                let position = try newest?.int64("seq") ?? 0
                state.seen = position
                state.dataVersion = version
                cache.advance(to: position, forgetting: nil)
                return position
            }
            let rows = try connection.query(
                "SELECT seq, person_id FROM view_changes WHERE seq > ? ORDER BY seq", [.integer(seen)])
            var expected = seen + 1
            var changed: [PersonID]? = []
            for row in rows {
                let seq = try row.int64("seq")
                // A gap: rows pruned or deleted before this follower read them. No person: someone was erased.
                guard seq == expected, let person = try row.optionalText("person_id") else {
                    changed = nil
                    break
                }
                changed?.append(PersonID(rawValue: person))
                expected = seq + 1
            }
            let position = try rows.last?.int64("seq") ?? seen
            state.seen = position
            state.dataVersion = version
            cache.advance(to: position, forgetting: changed)
            return position
        }
    }
}
