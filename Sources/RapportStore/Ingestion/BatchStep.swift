import RapportCore
import RapportIdentity
import SQLKit

/// One record's part in an ingestion batch: the batch's matcher, the answer read ahead for
/// the record (``ResolutionLookahead``), what the batch wrote before it (``BatchWrites``),
/// and, once the record is written, the person it created as written (`arrival`) and the
/// known people the batch gave contact points (`settling`). A record ingested on its own has
/// a step with nothing ahead.
struct BatchStep {
    /// The matcher of the whole batch, or nil to fetch it for the record.
    var matcher: LooseMatcher?
    /// The lookahead's answer for this record.
    var ahead: ResolutionLookahead.Answer?
    /// What the batch wrote before this record, and this record adds to.
    var writes = BatchWrites()
    /// The person this record created, as written, for household placement.
    var arrival: HouseholdPlacement.Arrival?
    /// Known people the batch gave new contact points, whom household placement settles.
    var settling: Set<PersonID> = []
    /// How many of the batch's resolutions came from the lookahead, and how many it read again.
    var tally = Tally()

    struct Tally: Sendable, Equatable {
        var strictAhead = 0
        var strictRead = 0
        var looseAhead = 0
        var looseRead = 0
        /// Records whose answer was not there yet when the writer reached them.
        var unanswered = 0
    }

    /// The strict resolution of `keys`: the answer read ahead when the batch has written
    /// none of them, else read on `db`.
    mutating func strict(_ keys: [PersonKey], on db: any SQLDatabase) async throws -> PersonKeyIndex.Resolution? {
        guard let ahead, writes.leaves(keys) else {
            if ahead != nil { tally.strictRead += 1 }
            return try await PersonKeyIndex.resolve(keys, on: db)
        }
        tally.strictAhead += 1
        #if DEBUG
            let read = try await PersonKeyIndex.resolve(keys, on: db)
            guard read == ahead.strict else {
                throw LookaheadDisagreement(what: "strict resolution", ahead: "\(String(describing: ahead.strict))", read: "\(String(describing: read))")
            }
        #endif
        return ahead.strict
    }

    /// The loose candidates and decision read ahead for `row`, when the batch has changed
    /// none of its blocks; nil when the writer must read them itself.
    mutating func loose(_ row: PersonMatchRow, on db: any SQLDatabase) async throws -> ResolutionLookahead.Loose? {
        guard let ahead else { return nil }
        guard let loose = ahead.loose, writes.leaves(blocks: row.blockingKeys) else {
            tally.looseRead += 1
            return nil
        }
        tally.looseAhead += 1
        #if DEBUG
            if let matcher {
                let read = try await ResolutionLookahead.loose(for: row, matcher: matcher, on: db)
                guard read == loose else {
                    throw LookaheadDisagreement(what: "loose candidates", ahead: "\(loose)", read: "\(read)")
                }
            }
        #endif
        return loose
    }
}

/// A lookahead answer that differs from what the transaction reads: a write path that
/// ``BatchWrites`` does not know about. Debug builds only; the batch is undone.
struct LookaheadDisagreement: Error, CustomStringConvertible {
    let what: String
    let ahead: String
    let read: String

    var description: String { "the \(what) read ahead (\(ahead.prefix(300))) differs from the one read in the batch (\(read.prefix(300)))" }
}
