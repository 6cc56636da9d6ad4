import Foundation
import RapportCore
import RapportValue
import SQLKit

/// The lifetime value assumptions (R4.2): once as the default, and per segment where
/// someone configured them. Changes are audited; a segment's go with the segment.
public struct ValueAssumptionRepository: Sendable {
    let database: Database
    let audit: AuditTrail

    /// The assumptions in force for a scope, and whether a user set them.
    public struct Setting: Sendable, Encodable, Equatable {
        /// The segment's key, or nil for the default.
        public var segment: String?
        public var assumptions: ValueAssumptions
        /// False while Rapport's standard assumptions apply.
        public var configured: Bool
        public var updatedBy: String?
        public var updatedAt: Date?
    }

    /// The scope key of the default.
    static let defaultScope = "*"

    /// The default assumptions (``ValueAssumptions/standard`` until configured).
    public func standing() async throws -> Setting {
        try await read(scope: Self.defaultScope, segment: nil) ?? Setting(segment: nil, assumptions: .standard, configured: false)
    }

    /// A segment's own assumptions, if configured.
    public func configured(forSegment key: String) async throws -> Setting? {
        let segment = try await segmentID(key)
        return try await read(scope: segment.rawValue, segment: key)
    }

    /// What applies to a segment: its own assumptions, else the default.
    public func applying(toSegment key: String) async throws -> Setting {
        if let own = try await configured(forSegment: key) { return own }
        return try await standing()
    }

    /// The segments (by key) that have assumptions of their own.
    public func configuredSegments() async throws -> [String: ValueAssumptions] {
        var result: [String: ValueAssumptions] = [:]
        let rows = try await database.sql.raw(
            "SELECT s.key, a.assumptions FROM value_assumptions a JOIN segments s ON s.id = a.segment_id"
        ).all()
        for row in rows { result[try row.text("key")] = try Self.decode(try row.text("assumptions")) }
        return result
    }

    /// Sets the default (`segment` nil) or a segment's assumptions; validated first.
    public func set(_ assumptions: ValueAssumptions, forSegment key: String?, by actor: Actor) async throws -> Setting {
        let checked = try assumptions.validated()
        let segment: SegmentID? = if let key { try await segmentID(key) } else { nil }
        let scope = segment?.rawValue ?? Self.defaultScope
        let json = String(decoding: try JSONEncoder().encode(checked), as: UTF8.self)
        let now = Date()
        try await database.transaction { db in
            try await db.raw("DELETE FROM value_assumptions WHERE scope = \(bind: scope)").run()
            try await db.raw(
                """
                INSERT INTO value_assumptions (scope, segment_id, assumptions, updated_by, updated_at)
                VALUES (\(bind: scope), \(bind: segment?.rawValue), \(bind: json), \(bind: actor.name), \(bind: Timestamp.format(now)))
                """
            ).run()
            try await audit.record(
                .update, entityType: "value_assumptions", entityID: scope, detail: key.map { "segment \($0)" } ?? "default",
                by: actor, on: db)
        }
        return Setting(segment: key, assumptions: checked, configured: true, updatedBy: actor.name, updatedAt: now)
    }

    /// Removes a segment's own assumptions (the default applies again) or resets the default.
    public func reset(forSegment key: String?, by actor: Actor) async throws {
        let scope = if let key { try await segmentID(key).rawValue } else { Self.defaultScope }
        try await database.transaction { db in
            try await db.raw("DELETE FROM value_assumptions WHERE scope = \(bind: scope)").run()
            try await audit.record(.delete, entityType: "value_assumptions", entityID: scope, by: actor, on: db)
        }
    }

    private func segmentID(_ key: String) async throws -> SegmentID {
        guard let row = try await database.sql.raw("SELECT id FROM segments WHERE key = \(bind: key)").first() else {
            throw DomainError.notFound(entity: "segment", id: key)
        }
        return try row.id("id")
    }

    private func read(scope: String, segment: String?) async throws -> Setting? {
        guard
            let row = try await database.sql.raw(
                "SELECT assumptions, updated_by, updated_at FROM value_assumptions WHERE scope = \(bind: scope)"
            ).first()
        else { return nil }
        return Setting(
            segment: segment, assumptions: try Self.decode(try row.text("assumptions")), configured: true,
            updatedBy: try row.text("updated_by"), updatedAt: try row.instant("updated_at"))
    }

    private static func decode(_ json: String) throws -> ValueAssumptions {
        try JSONDecoder().decode(ValueAssumptions.self, from: Data(json.utf8))
    }
}
