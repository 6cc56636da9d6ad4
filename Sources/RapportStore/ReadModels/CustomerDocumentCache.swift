import NIOConcurrencyHelpers
import RapportCore

/// Encoded customer 360 documents kept in memory, each under the person's view stamp at
/// the moment its reading began (see migration 004).
///
/// Correctness rests on the stamp, not on expiry: a document is served only while the
/// stamp in the database still equals the one it was stored under, and the database's
/// triggers move the stamp on every change the 360 shows — whichever process or path
/// wrote it. Because the stamp is read *before* the parts of the view, a write racing with
/// the build leaves the document under an already outdated stamp, where it is never served.
///
/// Bounded: at most `capacity` documents, the oldest stored going first.
public final class CustomerDocumentCache: Sendable {
    private struct Entry {
        let version: Int64
        let document: [UInt8]
    }

    private struct State {
        var entries: [PersonID: Entry] = [:]
        var order: [PersonID?]
        var next = 0
    }

    private let state: NIOLockedValueBox<State>

    public init(capacity: Int = 20_000) {
        state = NIOLockedValueBox(State(order: Array(repeating: nil, count: max(1, capacity))))
    }

    /// The document stored for `id` under exactly `version`, if any.
    func document(for id: PersonID, version: Int64) -> [UInt8]? {
        state.withLockedValue { state in
            guard let entry = state.entries[id], entry.version == version else { return nil }
            return entry.document
        }
    }

    func store(_ document: [UInt8], for id: PersonID, version: Int64) {
        state.withLockedValue { state in
            if state.entries.updateValue(Entry(version: version, document: document), forKey: id) != nil { return }
            if let evicted = state.order[state.next] { state.entries[evicted] = nil }
            state.order[state.next] = id
            state.next = (state.next + 1) % state.order.count
        }
    }

    /// How many documents are held (for tests and metrics).
    public var count: Int {
        state.withLockedValue { $0.entries.count }
    }
}
