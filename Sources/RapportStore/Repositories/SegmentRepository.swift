import Foundation
import RapportCore
import RapportSegments
import SQLKit

/// Saved segments (R3.2): define, change, delete and freeze them, each in one transaction
/// with its audit entry.
///
/// Every rule is checked against the fields of this store (built-in behaviour plus the
/// runtime attributes) and the other saved segments: unknown fields, wrong types, loops of
/// sub-segments and purpose limitation (a contact segment may not test analytics-only data)
/// are refused with a ``SegmentRuleRejection`` naming each place. A change that would break
/// another segment built on this one is refused as a conflict naming that segment.
///
/// Evaluating segments — members, sizes, previews, the segments of one person — is in
/// `SegmentRepository+Members.swift`.
public struct SegmentRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator

    /// Creates a segment. A dynamic one needs `rule`; a frozen one stores, once, either the
    /// people `rule` selects now or the `personIDs` given.
    public func create(
        _ fields: SegmentDraft.Validated, rule: SegmentRule?, personIDs: [PersonID]? = nil, by actor: Actor,
        today: LocalDate = LocalDate(Date())
    ) async throws -> Segment {
        try Self.requireSource(kind: fields.kind, rule: rule, personIDs: personIDs)
        let kind = database.kind
        return try await database.transaction { db in
            let catalogue = try await SegmentCatalogue.load(on: db)
            try Self.requireFree(fields.key, in: catalogue)
            let checked = try rule.map { rule throws(SegmentRuleRejection) in
                try catalogue.check(rule, for: fields.purpose, definingKey: fields.key)
            }
            let now = Date()
            let segment = Segment(
                id: ids.make(), key: fields.key, name: fields.name, description: fields.description,
                purpose: fields.purpose, kind: fields.kind, ruleText: rule?.text, ruleJSON: rule.map(Self.json),
                createdBy: actor.name, createdAt: now)
            try await Self.insert(segment, on: db)
            var detail = "key \(segment.key)"
            if segment.kind == .frozen {
                let added: Int
                if let personIDs {
                    added = try await SegmentMembers.add(personIDs, to: segment.id, by: actor, on: db)
                } else {
                    let tiers = try await SegmentQuery.tiers(for: [checked!], on: db)
                    let query = try SegmentQuery.rule(
                        checked!, catalogue: catalogue, today: today, tiers: tiers, kind: kind)
                    added = try await SegmentMembers.add(query, to: segment.id, by: actor, on: db)
                }
                detail += ", frozen with \(added) people"
            }
            try await audit.record(
                .create, entityType: "segment", entityID: segment.id.rawValue, detail: detail, by: actor, on: db)
            return segment
        }
    }

    /// Changes a segment's name, description, purpose or (dynamic segments only) rule.
    public func update(_ key: String, with patch: SegmentPatch, rule: SegmentRule?, by actor: Actor) async throws
        -> Segment
    {
        try await database.transaction { db in
            let catalogue = try await SegmentCatalogue.load(on: db)
            let current = try catalogue.segment(key)
            var updated = try patch.applied(to: current)
            if let rule {
                guard current.kind == .dynamic else {
                    throw DomainError.invalid([
                        .invalid(
                            "rule",
                            "Segment '\(key)' is frozen: its members never change, so it has no rule to edit. "
                                + "Create a dynamic segment for a rule.")
                    ])
                }
                updated.ruleText = rule.text
                updated.ruleJSON = Self.json(rule)
            }
            if current.kind == .frozen, current.purpose == .reporting, updated.purpose == .contact {
                throw DomainError.invalid([
                    .invalid(
                        "purpose",
                        "Segment '\(key)' was frozen for reporting and cannot become a contact list; "
                            + "freeze a contact segment instead.")
                ])
            }
            if current.purpose == .contact, updated.purpose == .reporting {
                try await OfferRepository.requireUntargeted(key, field: "purpose", on: db)
            }
            let ruleChanged = updated.ruleJSON != current.ruleJSON || updated.purpose != current.purpose
            if ruleChanged, updated.kind == .dynamic, let rule = updated.rule {
                _ = try catalogue.check(rule, for: updated.purpose, definingKey: key)
            }
            if ruleChanged, let (other, problem) = catalogue.replacing(updated).firstBrokenDependent(of: key) {
                throw DomainError.conflict(
                    field: rule != nil ? "rule" : "purpose",
                    message:
                        "Segment '\(other.key)' is built on '\(key)' and would no longer be valid: \(problem.message) "
                        + "Change '\(other.key)' first.")
            }
            updated.updatedBy = actor.name
            updated.updatedAt = Date()
            try await db.raw(
                """
                UPDATE segments SET name = \(bind: updated.name), description = \(bind: updated.description),
                  purpose = \(bind: updated.purpose.rawValue), rule_text = \(bind: updated.ruleText),
                  rule_json = \(bind: updated.ruleJSON), updated_by = \(bind: updated.updatedBy),
                  updated_at = \(bind: Timestamp.format(updated.updatedAt))
                WHERE id = \(bind: current.id.rawValue)
                """
            ).run()
            let touched = [
                ("name", updated.name != current.name), ("description", updated.description != current.description),
                ("purpose", updated.purpose != current.purpose), ("rule", updated.ruleJSON != current.ruleJSON),
            ].filter(\.1).map(\.0)
            try await audit.record(
                .update, entityType: "segment", entityID: current.id.rawValue,
                detail: "key \(key), fields: " + touched.joined(separator: ", "), by: actor, on: db)
            return updated
        }
    }

    /// Deletes a segment no other dynamic segment refers to and no offer targets, with its
    /// frozen members.
    public func delete(_ key: String, by actor: Actor) async throws {
        try await database.transaction { db in
            let catalogue = try await SegmentCatalogue.load(on: db)
            let segment = try catalogue.segment(key)
            if let user = catalogue.segments.first(where: {
                $0.kind == .dynamic && $0.key != key && ($0.rule?.referencedSegments.contains(key) ?? false)
            }) {
                throw DomainError.conflict(
                    field: "key",
                    message: "Segment '\(user.key)' refers to '\(key)'; remove that reference before deleting it.")
            }
            try await OfferRepository.requireUntargeted(key, field: "key", on: db)
            try await db.raw("DELETE FROM segment_members WHERE segment_id = \(bind: segment.id.rawValue)").run()
            try await db.raw("DELETE FROM segments WHERE id = \(bind: segment.id.rawValue)").run()
            try await audit.record(
                .delete, entityType: "segment", entityID: segment.id.rawValue, detail: "key \(key)", by: actor, on: db)
        }
    }

    /// Every segment, by key. Definitions hold no personal data: not audited.
    public func list() async throws -> [Segment] {
        try await SegmentCatalogue.load(from: database).segments
    }

    /// One segment by key.
    public func find(_ key: String) async throws -> Segment {
        try await SegmentCatalogue.load(from: database).segment(key)
    }

    /// The fields rules may use in this store: built-in behaviour and the runtime attributes.
    public func fields() async throws -> SegmentSchema {
        try await SegmentCatalogue.load(from: database).schema
    }

    private static func requireSource(kind: Segment.Kind, rule: SegmentRule?, personIDs: [PersonID]?)
        throws(DomainError)
    {
        switch (kind, rule, personIDs) {
        case (.dynamic, nil, _): throw .invalid([.required("rule")])
        case (.dynamic, _, .some):
            throw .invalid([
                .invalid("personIDs", "personIDs are only for frozen segments; leave them out or use kind frozen.")
            ])
        case (.frozen, nil, nil):
            throw .invalid([.invalid("rule", "A frozen segment needs a rule (its members now) or personIDs (a list).")])
        case (.frozen, .some, .some):
            throw .invalid([.invalid("personIDs", "Give a frozen segment either a rule or personIDs, not both.")])
        default: return
        }
    }

    static func requireFree(_ key: String, in catalogue: SegmentCatalogue) throws(DomainError) {
        if catalogue.segments.contains(where: { $0.key == key }) {
            throw .conflict(field: "key", message: "A segment with key '\(key)' already exists; choose another key.")
        }
    }

    static func json(_ rule: SegmentRule) -> String { String(decoding: rule.json, as: UTF8.self) }

    static func insert(_ s: Segment, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO segments (id, key, name, description, purpose, kind, rule_text, rule_json, frozen_from, created_by,
              created_at, updated_by, updated_at)
            VALUES (\(bind: s.id.rawValue), \(bind: s.key), \(bind: s.name), \(bind: s.description), \(bind: s.purpose.rawValue),
              \(bind: s.kind.rawValue), \(bind: s.ruleText), \(bind: s.ruleJSON), \(bind: s.frozenFrom), \(bind: s.createdBy),
              \(bind: Timestamp.format(s.createdAt)), \(bind: s.updatedBy), \(bind: Timestamp.format(s.updatedAt)))
            """
        ).run()
    }

    static func segment(from row: any SQLRow) throws -> Segment {
        Segment(
            id: try row.id("id"), key: try row.text("key"), name: try row.text("name"),
            description: try row.optionalText("description"),
            purpose: try row.enumValue("purpose", as: Segment.Purpose.self),
            kind: try row.enumValue("kind", as: Segment.Kind.self), ruleText: try row.optionalText("rule_text"),
            ruleJSON: try row.optionalText("rule_json"), frozenFrom: try row.optionalText("frozen_from"),
            createdBy: try row.text("created_by"), createdAt: try row.instant("created_at"),
            updatedBy: try row.text("updated_by"), updatedAt: try row.instant("updated_at"))
    }
}

extension SegmentDate {
    /// The same calendar day as the store's ``LocalDate``.
    init(_ day: LocalDate) { self = SegmentDate(year: day.year, month: day.month, day: day.day)! }
}
