import Foundation
import RapportCore
import RapportSegments
import SQLKit

/// Everything a rule is checked against, read in one go: the fields (built-in behaviour
/// plus the runtime attributes) and the saved segments a rule may name.
struct SegmentCatalogue: Sendable {
    let segments: [Segment]
    let attributes: [AttributeDefinition]
    let schema: SegmentSchema
    let library: SegmentLibrary

    init(segments: [Segment], attributes: [AttributeDefinition]) {
        self.segments = segments
        self.attributes = attributes
        schema = SegmentSchema.behaviour.adding(attributes.map(Self.field))
        library = SegmentLibrary(segments.compactMap(\.definition))
    }

    /// Reads the attribute definitions and the segments on `db`.
    static func load(on db: any SQLDatabase) async throws -> SegmentCatalogue {
        let attributes = try await db.raw("SELECT * FROM attribute_definitions ORDER BY key").all()
            .map(AttributeRepository.definition(from:))
        let segments = try await db.raw("SELECT * FROM segments ORDER BY key").all().map(
            SegmentRepository.segment(from:))
        return SegmentCatalogue(segments: segments, attributes: attributes)
    }

    /// The same, read outside any transaction through the fast read path (see ``Database/read(_:_:)``).
    static func load(from database: Database) async throws -> SegmentCatalogue {
        let segments = try await database.read("SELECT * FROM segments ORDER BY key", []).map(
            SegmentRepository.segment(from:))
        let attributes = try await database.read("SELECT * FROM attribute_definitions ORDER BY key", [])
            .map(AttributeRepository.definition(from:))
        return SegmentCatalogue(segments: segments, attributes: attributes)
    }

    /// The segment with this key.
    func segment(_ key: String) throws(DomainError) -> Segment {
        guard let segment = segments.first(where: { $0.key == key }) else {
            throw .notFound(entity: "segment", id: key)
        }
        return segment
    }

    /// A runtime attribute as a rule field `attr.<key>`: multi-choice attributes are sets,
    /// analytics attributes may only feed reporting segments.
    static func field(_ attribute: AttributeDefinition) -> SegmentField {
        let type: SegmentField.ValueType =
            switch attribute.type {
            case .text: .text
            case .number: .number
            case .date: .date
            case .boolean: .boolean
            case .choice: .choice
            case .multiChoice: .set
            }
        return .attribute(
            key: attribute.key, type: type, choices: attribute.choices,
            purpose: attribute.purpose == .analytics ? .analyticsOnly : .contact, label: attribute.label)
    }

    /// Checks a rule for `purpose`, reporting every problem at once; `definingKey` is the
    /// key the rule is being saved under, so a loop back to it is caught.
    func check(_ rule: SegmentRule, for purpose: Segment.Purpose, definingKey: String?) throws(SegmentRuleRejection)
        -> CheckedSegmentRule
    {
        let use = purpose.engine
        let problems = schema.problems(in: rule, for: use, segments: library, definingKey: definingKey)
        guard problems.isEmpty else { throw SegmentRuleRejection(problems) }
        do {
            return try schema.check(rule, for: use, segments: library, definingKey: definingKey)
        } catch {
            throw SegmentRuleRejection([error])
        }
    }

    /// This catalogue with one segment added or replaced.
    func replacing(_ segment: Segment) -> SegmentCatalogue {
        SegmentCatalogue(segments: segments.filter { $0.key != segment.key } + [segment], attributes: attributes)
    }

    /// This catalogue without one segment.
    func removing(_ key: String) -> SegmentCatalogue {
        SegmentCatalogue(segments: segments.filter { $0.key != key }, attributes: attributes)
    }

    /// Every other dynamic segment checked again, as after a change to `key`: the first one
    /// the change would break, with why.
    func firstBrokenDependent(of key: String) -> (Segment, SegmentRuleError)? {
        for other in segments where other.key != key {
            guard let definition = other.definition, case .dynamic = definition.kind else { continue }
            do {
                _ = try schema.check(definition, segments: library)
            } catch {
                return (other, error)
            }
        }
        return nil
    }
}

extension Segment.Purpose {
    /// The engine's name for this purpose.
    var engine: SegmentPurpose { self == .contact ? .contact : .reporting }
}

extension Segment {
    /// The stored rule, read from its JSON form.
    public var rule: SegmentRule? { ruleJSON.flatMap { try? SegmentRule(json: Data($0.utf8)) } }

    /// What the engine needs to know of this segment when another rule names it; nil when a
    /// dynamic segment's stored rule cannot be read (it then counts as unknown).
    var definition: SegmentDefinition? {
        switch kind {
        case .frozen: return .frozen(key, purpose: purpose.engine)
        case .dynamic: return rule.map { .dynamic(key, purpose: purpose.engine, rule: $0) }
        }
    }
}
