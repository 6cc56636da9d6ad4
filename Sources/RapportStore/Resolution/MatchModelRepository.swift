import Foundation
import NIOConcurrencyHelpers
import RapportCore
import RapportIdentity
import SQLKit

/// Stored match models: the newest one decides loose matching; until one is fitted, the
/// engine's standard model (see `StandardMatchModel`) does, with the default thresholds or
/// those set by `setThresholds`. Loose matching is never skipped for want of a model.
public struct MatchModelRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator
    let cache: MatchModelCache

    /// People a fit needs at least: EM on fewer candidate pairs estimates nothing reliable.
    public static let minimumPeopleToFit = 1_000

    /// The model in force.
    public func current() async throws -> StoredMatchModel {
        try await Self.current(on: database.sql)
    }

    /// The model in force, read on `db`.
    static func current(on db: any SQLDatabase) async throws -> StoredMatchModel {
        guard let row = try await db.raw("SELECT * FROM match_models ORDER BY fitted_at DESC, id DESC LIMIT 1").first()
        else { return await StoredMatchModel.standardFittedAside() }
        let decoder = JSONDecoder()
        return StoredMatchModel(
            id: Identifier(rawValue: try row.text("id")), fittedAt: try row.instant("fitted_at"),
            origin: StoredMatchModel.Origin(rawValue: try row.text("origin")) ?? .fitted,
            recordCount: try row.decode(column: "record_count", as: Int.self),
            model: try decoder.decode(MatchModel.self, from: Data(try row.text("model").utf8)),
            termFrequencies: try decoder.decode(
                TermFrequencies.self, from: Data(try row.text("term_frequencies").utf8)),
            matchThreshold: try row.decode(column: "match_threshold", as: Double.self),
            reviewThreshold: try row.decode(column: "review_threshold", as: Double.self))
    }

    /// The matcher of the model in force, as ingestion uses it (reading on `db`, inside the
    /// record's transaction): cached, re-read when the newest stored model changed (checked at
    /// most every `MatchModelCache.recheckInterval`), its prior scaled to the store's size.
    func matcher(on db: any SQLDatabase) async throws -> LooseMatcher {
        try await cache.matcher {
            try await Self.current(on: db)
        } newest: {
            try await db.raw(SQLQueryString(Self.newestModelSQL)).first().map { try $0.text("id") }
        } population: {
            try await db.raw(SQLQueryString(Self.populationSQL)).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// The matcher of ``matcher(on:)`` for callers outside a write transaction: its checks read
    /// the committed data through `Database.read` (a direct SQLite connection).
    func matcher() async throws -> LooseMatcher {
        try await cache.matcher {
            try await current()
        } newest: {
            try await database.readFirst(Self.newestModelSQL, []).map { try $0.text("id") }
        } population: {
            try await database.readFirst(Self.populationSQL, [])?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    private static let newestModelSQL = "SELECT id FROM match_models ORDER BY fitted_at DESC, id DESC LIMIT 1"
    /// The indexed people, the population the prior is scaled to.
    private static let populationSQL = "SELECT COUNT(*) AS n FROM person_match_rows"

    /// Fits a model by EM over the stored people's matching rows (merged people excluded),
    /// keeping the thresholds in force, stores it and returns it.
    public func fit(by actor: Actor, configuration: LinkageConfiguration = LinkageConfiguration()) async throws
        -> StoredMatchModel
    {
        let current = try await current()
        let table = try await MatchIndex.table(on: database)
        guard table.count >= Self.minimumPeopleToFit else {
            throw DomainError.conflict(
                field: "people",
                message: "A model needs at least \(Self.minimumPeopleToFit) indexed people to fit; the store has "
                    + "\(table.count) (run `rapport resolve index` if people are missing). "
                    + "The standard model stays in use.")
        }
        let model = RecordLinkage(configuration: configuration).fitModel(table: table)
        let fitted = StoredMatchModel(
            id: ids.make(), fittedAt: Date(), origin: .fitted, recordCount: table.count, model: model,
            termFrequencies: TermFrequencies(table: table, model: model), matchThreshold: current.matchThreshold,
            reviewThreshold: current.reviewThreshold)
        try await save(fitted, detail: "fitted on \(table.count) people (\(model.iterations) EM iterations)", by: actor)
        return fitted
    }

    /// Sets the thresholds of the model in force (storing the standard model to carry them
    /// when none is stored yet).
    public func setThresholds(match: Double, review: Double, by actor: Actor) async throws -> StoredMatchModel {
        try StoredMatchModel.validateThresholds(match: match, review: review)
        var model = try await current()
        model.matchThreshold = match
        model.reviewThreshold = review
        if model.id == nil {
            model.id = ids.make()
            model.fittedAt = Date()
            try await save(model, detail: "thresholds match \(match), review \(review)", by: actor)
        } else {
            let id = model.id?.rawValue ?? ""
            try await database.transaction { db in
                try await db.raw(
                    """
                    UPDATE match_models SET match_threshold = \(bind: match), review_threshold = \(bind: review)
                    WHERE id = \(bind: id)
                    """
                ).run()
                try await audit.record(
                    .update, entityType: "match_model", entityID: id,
                    detail: "thresholds match \(match), review \(review)", by: actor, on: db)
            }
        }
        cache.invalidate()
        return model
    }

    private func save(_ model: StoredMatchModel, detail: String, by actor: Actor) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let modelJSON = String(decoding: try encoder.encode(model.model), as: UTF8.self)
        let frequencies = String(decoding: try encoder.encode(model.termFrequencies), as: UTF8.self)
        let id = model.id?.rawValue ?? ""
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO match_models (id, fitted_at, origin, record_count, model, term_frequencies, match_threshold,
                  review_threshold)
                VALUES (\(bind: id), \(bind: Timestamp.format(model.fittedAt ?? Date())),
                  \(bind: model.origin.rawValue),
                  \(bind: model.recordCount), \(bind: modelJSON), \(bind: frequencies), \(bind: model.matchThreshold),
                  \(bind: model.reviewThreshold))
                """
            ).run()
            try await audit.record(.create, entityType: "match_model", entityID: id, detail: detail, by: actor, on: db)
        }
        cache.invalidate()
    }
}

/// The matcher of the newest stored model, kept between records: building it decodes the
/// model and, for the standard model, fits it once per process.
final class MatchModelCache: Sendable {
    /// How long a cached matcher is used before checking whether a newer model was stored
    /// (by another process, e.g. `rapport resolve fit`); this process's own changes
    /// invalidate it at once.
    static let recheckInterval: TimeInterval = 5
    /// How long the counted population (which scales the prior) is used before counting again:
    /// the prior needs its order of magnitude only, and counting a million rows takes tens of
    /// milliseconds.
    static let recountInterval: TimeInterval = 300

    private struct Entry {
        let model: StoredMatchModel
        let matcher: LooseMatcher
        let checkedAt: Date
        let population: Int
        let countedAt: Date

        init(model: StoredMatchModel, checkedAt: Date, population: Int, countedAt: Date) {
            self.init(
                model: model, matcher: model.matcher(population: population), checkedAt: checkedAt,
                population: population, countedAt: countedAt)
        }

        private init(
            model: StoredMatchModel, matcher: LooseMatcher, checkedAt: Date, population: Int, countedAt: Date
        ) {
            self.model = model
            self.matcher = matcher
            self.checkedAt = checkedAt
            self.population = population
            self.countedAt = countedAt
        }

        /// The same entry with new check times.
        func stamped(checkedAt: Date, countedAt: Date) -> Entry {
            Entry(model: model, matcher: matcher, checkedAt: checkedAt, population: population, countedAt: countedAt)
        }
    }

    private let entry = NIOLockedValueBox<Entry?>(nil)

    /// The cached matcher, or one built by `load` when the newest stored id differs; its
    /// prior is scaled to `population`, counted again every `recountInterval`.
    func matcher(
        load: () async throws -> StoredMatchModel, newest: () async throws -> String?,
        population: () async throws -> Int
    ) async throws -> LooseMatcher {
        let now = Date()
        guard let cached = entry.withLockedValue({ $0 }) else {
            let model = try await load()
            return store(Entry(model: model, checkedAt: now, population: try await population(), countedAt: now))
        }
        let checkDue = now.timeIntervalSince(cached.checkedAt) >= Self.recheckInterval
        let countDue = now.timeIntervalSince(cached.countedAt) >= Self.recountInterval
        guard checkDue || countDue else { return cached.matcher }
        var model = cached.model
        if checkDue, try await newest() != cached.model.id?.rawValue { model = try await load() }
        let people = countDue ? try await population() : cached.population
        let checkedAt = checkDue ? now : cached.checkedAt
        let countedAt = countDue ? now : cached.countedAt
        guard model.id != cached.model.id || people != cached.population else {
            entry.withLockedValue { $0 = cached.stamped(checkedAt: checkedAt, countedAt: countedAt) }
            return cached.matcher
        }
        return store(Entry(model: model, checkedAt: checkedAt, population: people, countedAt: countedAt))
    }

    private func store(_ built: Entry) -> LooseMatcher {
        entry.withLockedValue { $0 = built }
        return built.matcher
    }

    /// Forgets the cached matcher.
    func invalidate() {
        entry.withLockedValue { $0 = nil }
    }
}
