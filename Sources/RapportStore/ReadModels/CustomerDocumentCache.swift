import NIOConcurrencyHelpers
import RapportCore

/// Encoded customer 360 documents kept in memory, served only while nothing the 360 shows
/// has changed — whichever process or path wrote the change.
///
/// Two ways to know, by database:
/// - **SQLite**: ``ViewChangeFeed`` follows the feed of changed people (migration 018) and
///   drops them from the cache (``advance(to:forgetting:)``). A document is stored only if the
///   feed has not moved since its reading began (``store(_:for:ifCurrentAt:)``): a write that
///   raced with the build is then either seen before the store, which refuses it, or after,
///   which drops it.
/// - **PostgreSQL**: each document is kept under the person's view stamp (migration 004) read
///   *before* the parts of the view, and served only while the stamp in the database still
///   equals it (``document(for:version:)``).
///
/// Bounded: at most `capacity` documents. When full, the clock hand passes over the slots in
/// the order they were filled and evicts the first document not served since the hand last
/// passed it (second chance): people read again and again stay, one-off reads make way.
public final class CustomerDocumentCache: Sendable {
    private struct Entry {
        let version: Int64
        let document: [UInt8]
        /// Served since the clock hand last passed it.
        var served = false
    }

    private struct State {
        var entries: [PersonID: Entry] = [:]
        var order: [PersonID?]
        var next = 0
        /// The feed number the entries are current at (SQLite).
        var feedPosition: Int64?
    }

    private let state: NIOLockedValueBox<State>
    /// The change feed followed on SQLite; nil on PostgreSQL.
    let feed: ViewChangeFeed?

    init(capacity: Int = 20_000, feed: ViewChangeFeed?) {
        state = NIOLockedValueBox(State(order: Array(repeating: nil, count: max(1, capacity))))
        self.feed = feed
    }

    /// The document stored for `id` under exactly `version`, if any (PostgreSQL).
    func document(for id: PersonID, version: Int64) -> [UInt8]? {
        served(id) { $0.version == version }
    }

    /// The document stored for `id`, if any (SQLite: call ``ViewChangeFeed/catchUp(_:)`` first).
    func document(for id: PersonID) -> [UInt8]? {
        served(id) { _ in true }
    }

    /// The document of `id` if its entry passes `valid`, marked as served for the clock hand.
    private func served(_ id: PersonID, if valid: (Entry) -> Bool) -> [UInt8]? {
        state.withLockedValue { state in
            guard let entry = state.entries[id], valid(entry) else { return nil }
            if !entry.served { state.entries[id]?.served = true }
            return entry.document
        }
    }

    func store(_ document: [UInt8], for id: PersonID, version: Int64) {
        state.withLockedValue { Self.insert(Entry(version: version, document: document), for: id, into: &$0) }
    }

    /// Stores a document whose reading began when the feed stood at `position`, unless the
    /// feed has moved since (SQLite).
    func store(_ document: [UInt8], for id: PersonID, ifCurrentAt position: Int64) {
        state.withLockedValue { state in
            guard state.feedPosition == position else { return }
            Self.insert(Entry(version: position, document: document), for: id, into: &state)
        }
    }

    /// Moves the cache to feed number `position`, dropping the documents of `changed`, or
    /// every document if `changed` is nil.
    func advance(to position: Int64, forgetting changed: [PersonID]?) {
        state.withLockedValue { state in
            if let changed {
                for id in changed { state.entries[id] = nil }
            } else {
                state.entries.removeAll()
                state.order = Array(repeating: nil, count: state.order.count)
                state.next = 0
            }
            state.feedPosition = position
        }
    }

    /// A slot whose id has no entry any more (dropped by the feed) is free. The hand goes
    /// round at most twice: the first pass clears every `served` mark it meets.
    private static func insert(_ entry: Entry, for id: PersonID, into state: inout State) {
        if state.entries.updateValue(entry, forKey: id) != nil { return }
        while let held = state.order[state.next], state.entries[held]?.served == true {
            state.entries[held]?.served = false
            state.next = (state.next + 1) % state.order.count
        }
        if let evicted = state.order[state.next] { state.entries[evicted] = nil }
        state.order[state.next] = id
        state.next = (state.next + 1) % state.order.count
    }

    /// How many documents are held (for tests and metrics).
    public var count: Int {
        state.withLockedValue { $0.entries.count }
    }
}
