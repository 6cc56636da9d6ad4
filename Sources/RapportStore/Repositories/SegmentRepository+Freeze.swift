import Foundation
import RapportCore
import RapportSegments
import SQLKit

/// Static segments made from dynamic ones: the members of this moment, kept as a list.
extension SegmentRepository {
    /// Freezes a dynamic segment's current members into a new frozen segment (`<key>-<today>`
    /// unless `newKey` is given) with the same purpose; the dynamic segment stays as it is.
    public func freeze(
        _ key: String, as newKey: String? = nil, name: String? = nil, by actor: Actor,
        today: LocalDate = LocalDate(Date())
    ) async throws -> Segment {
        let targetKey = newKey ?? "\(key)-\(today)"
        var check = IssueCollector()
        Segment.validateKey(targetKey, into: &check)
        let name = check.text(name, field: "name", maxLength: 120)
        try check.check()
        let kind = database.kind
        return try await database.transaction { db in
            let catalogue = try await SegmentCatalogue.load(on: db)
            let source = try catalogue.segment(key)
            guard source.kind == .dynamic, let rule = source.rule else {
                throw DomainError.invalid([
                    .invalid("key", "Segment '\(key)' is already frozen; its members never change.")
                ])
            }
            try Self.requireFree(targetKey, in: catalogue)
            let checked = try catalogue.check(rule, for: source.purpose, definingKey: source.key)
            let now = Date()
            let frozen = Segment(
                id: ids.make(), key: targetKey, name: name ?? "\(source.name) (frozen \(today))",
                description: source.description, purpose: source.purpose, kind: .frozen, ruleText: source.ruleText,
                ruleJSON: source.ruleJSON, frozenFrom: source.key, createdBy: actor.name, createdAt: now)
            try await Self.insert(frozen, on: db)
            let tiers = try await SegmentQuery.tiers(for: [checked], on: db)
            let query = try SegmentQuery.rule(checked, catalogue: catalogue, today: today, tiers: tiers, kind: kind)
            let added = try await SegmentMembers.add(query, to: frozen.id, by: actor, on: db)
            try await audit.record(
                .create, entityType: "segment", entityID: frozen.id.rawValue,
                detail: "key \(targetKey), frozen from \(key) with \(added) people", by: actor, on: db)
            return frozen
        }
    }
}
