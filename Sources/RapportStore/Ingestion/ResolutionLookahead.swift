import Foundation
import NIOConcurrencyHelpers
import RapportIdentity
import SQLKit

/// Resolution read ahead of a batch's writer, on SQLite: while the writer works through a
/// batch's records, a task on a read-only connection resolves each of them against the
/// committed people — strict keys first, then, when they find nobody, the loose candidates
/// and the matcher's decision among them — and leaves the answers for the writer.
///
/// Why: a file import is bound by its one writer, and the reads and the scoring of strict
/// and loose matching were a fifth of the writer's time, while the second core was idle
/// most of the batch.
///
/// Why the writer never waits for it: the lookahead runs on a thread of its own
/// (``PriorityThread/lookahead``), and a record whose answer is not there yet when the
/// writer reaches it is resolved by the writer itself; the lookahead skips past it. So a
/// slow lookahead costs the writer nothing but the answers it did not get.
///
/// Why the answers hold: the lookahead starts after the batch's `BEGIN IMMEDIATE`, so no
/// one else commits until the batch does, and the committed state it reads is the state
/// the batch's transaction started from. What the batch itself writes before a record is
/// not in it: the writer keeps that in ``BatchWrites`` and uses an answer only when none of
/// it can change the answer (else it reads again, inside its transaction). The writer takes
/// every answer it uses before it commits. In debug builds it also reads every answer it
/// uses again and fails the batch if they differ.
///
/// On PostgreSQL, where other transactions commit at any time, there is no lookahead.
final class ResolutionLookahead: Sendable {
    /// What the committed people say about one record.
    struct Answer: Sendable {
        /// `PersonKeyIndex.resolve` of the record's keys.
        let strict: PersonKeyIndex.Resolution?
        /// When the keys found nobody: the loose candidates and the decision among them.
        let loose: Loose?
    }

    /// A record's loose candidates (`MatchIndex.candidates`) and the matcher's decision
    /// among all of them, before merged people are set aside.
    struct Loose: Sendable, Equatable {
        let candidates: [LooseMatcher.Candidate]
        let decision: LooseMatcher.Decision
    }

    /// The answers so far, and how far the writer has got.
    private struct Board {
        /// Per record: nil while not read, `.some(nil)` for a record that could not be normalised.
        var answers: [Answer??]
        /// The first record the writer has not taken yet.
        var writer = 0
        var stopped = false
        /// Whether the lookahead's task has ended (all read, stopped, or a read failed).
        var ended = false
    }

    private let board: NIOLockedValueBox<Board>

    private init(count: Int) {
        board = NIOLockedValueBox(Board(answers: Array(repeating: nil, count: count)))
    }

    /// Starts reading ahead for `records` (in order) with `matcher`, or returns nil where
    /// the database has no read-only connections (PostgreSQL).
    static func start(for records: [PreparedRecord], matcher: LooseMatcher, in database: Database) -> ResolutionLookahead? {
        guard database.kind == .sqlite, database.reader != nil else { return nil }
        let lookahead = ResolutionLookahead(count: records.count)
        Task(executorPreference: PriorityThread.lookahead) {
            defer { lookahead.board.withLockedValue { $0.ended = true } }
            // A read that fails ends the lookahead; the writer reads the rest itself.
            _ = try? await database.withReadConnection { db in
                var index = 0
                while let next = lookahead.unread(from: index) {
                    var answer: Answer?
                    if case .success(let normalised) = records[next].outcome {
                        answer = try await Self.answer(for: normalised, matcher: matcher, on: db)
                    }
                    lookahead.store(answer, at: next)
                    index = next + 1
                }
            }
        }
        return lookahead
    }

    /// The answer for one record, read on `db`.
    static func answer(for record: PreparedRecord.Normalised, matcher: LooseMatcher, on db: any SQLDatabase) async throws
        -> Answer
    {
        if let strict = try await PersonKeyIndex.resolve(record.record.keys, on: db) {
            return Answer(strict: strict, loose: nil)
        }
        return Answer(strict: nil, loose: try await loose(for: record.matchRow, matcher: matcher, on: db))
    }

    /// The loose candidates of `row` on `db`, and the decision among them.
    static func loose(for row: PersonMatchRow, matcher: LooseMatcher, on db: any SQLDatabase) async throws -> Loose {
        let candidates = try await MatchIndex.candidates(
            keys: row.blockingKeys, maxBlockSize: matcher.configuration.maxBlockSize, on: db)
        return Loose(candidates: candidates, decision: matcher.resolve(row.person, recordID: row.personID, candidates: candidates))
    }

    /// The writer takes the answer for record `index` (in order): the answer if it is there,
    /// else nil, and the lookahead no longer reads for it.
    func take(_ index: Int) -> Answer? {
        board.withLockedValue { board in
            board.writer = index + 1
            return board.answers[index] ?? nil
        }
    }

    /// Returns once the answer for record `index` is there or the lookahead has ended (tests).
    func answered(_ index: Int) async {
        while board.withLockedValue({ !$0.ended && $0.answers[index] == nil }) {
            try? await Task.sleep(for: .microseconds(100))
        }
    }

    /// Ends the lookahead: the batch is done, or failed.
    func stop() {
        board.withLockedValue { $0.stopped = true }
    }

    /// The first record from `index` on that the writer has not reached, or nil when there
    /// is none or the batch is done.
    private func unread(from index: Int) -> Int? {
        board.withLockedValue { board in
            let next = max(index, board.writer)
            return board.stopped || next >= board.answers.count ? nil : next
        }
    }

    private func store(_ answer: Answer?, at index: Int) {
        board.withLockedValue { board in
            if index >= board.writer { board.answers[index] = .some(answer) }
        }
    }
}
