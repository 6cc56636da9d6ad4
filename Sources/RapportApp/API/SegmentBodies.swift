import Foundation
import RapportCore
import RapportSegments
import RapportStore

/// A rule as the API takes it: text (`"spend >= 100 and country = \"PL\""`) or the JSON
/// form (`{"and": [...]}`), which arrives as a ``JSONValue`` and is handed to the segment
/// engine as it came, so a malformed rule is reported at its exact node (`and[1].op`).
enum RuleInput {
    /// The rule, or nil when the field was left out; problems are a ``SegmentRuleRejection``.
    static func read(_ value: JSONValue?, field: String = "rule") throws(SegmentRuleRejection) -> SegmentRule? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return try SegmentRuleRejection.parse(text, field: field)
        case .object?:
            do {
                return try SegmentRule(json: try JSONEncoder().encode(value))
            } catch let error as SegmentRuleError {
                throw SegmentRuleRejection([error], field: field)
            } catch {
                throw SegmentRuleRejection([SegmentRuleError(.syntax, "The rule could not be read.")], field: field)
            }
        default:
            throw SegmentRuleRejection(
                [SegmentRuleError(.syntax, "\(field) must be rule text or a rule in JSON form ({\"and\": [...]}).")],
                field: field)
        }
    }
}

/// `POST /segments`: the segment's fields, its rule and, for a frozen list, its people.
struct SegmentCreateBody: Decodable {
    let draft: SegmentDraft
    let rule: JSONValue?
    let personIDs: [String]?

    enum Keys: String, CodingKey { case rule, personIDs }

    init(from decoder: any Decoder) throws {
        draft = try SegmentDraft(from: decoder)
        let container = try decoder.container(keyedBy: Keys.self)
        rule = try container.decodeIfPresent(JSONValue.self, forKey: .rule)
        personIDs = try container.decodeIfPresent([String].self, forKey: .personIDs)
    }

    /// The people of a frozen list, each checked for its `per_` prefix.
    func people() throws(DomainError) -> [PersonID]? {
        guard let personIDs else { return nil }
        var check = IssueCollector()
        let ids = personIDs.enumerated().compactMap { index, text -> PersonID? in
            guard let id = PersonID(parsing: text) else {
                check.add(.invalid("personIDs[\(index)]", "personIDs[\(index)] '\(text)' is not a per_… identifier."))
                return nil
            }
            return id
        }
        try check.check()
        return ids
    }
}

/// `PATCH /segments/{key}`: a merge patch of name, description and purpose, and a new rule.
struct SegmentPatchBody: Decodable {
    let patch: SegmentPatch
    let rule: JSONValue?

    enum Keys: String, CodingKey { case rule }

    init(from decoder: any Decoder) throws {
        patch = try SegmentPatch(from: decoder)
        rule = try decoder.container(keyedBy: Keys.self).decodeIfPresent(JSONValue.self, forKey: .rule)
    }
}

/// `POST /segments/preview`: a rule, the purpose it is meant for and the key of the segment
/// being edited (to catch loops back to it).
struct SegmentPreviewBody: Decodable {
    let rule: JSONValue?
    let purpose: String?
    let key: String?

    func purposeValue() throws(DomainError) -> Segment.Purpose {
        guard let purpose, !purpose.isEmpty else { return .contact }
        guard let value = Segment.Purpose(rawValue: purpose) else {
            throw .invalid([.unknown("purpose", value: purpose, allowed: Segment.Purpose.allCases.map(\.rawValue))])
        }
        return value
    }
}

/// `POST /segments/{key}/freeze`: the new frozen segment's key and name, both optional.
struct SegmentFreezeBody: Decodable {
    let key: String?
    let name: String?
}

/// A segment as the API shows it: the rule as text and in JSON form.
struct SegmentResource: Encodable {
    let id: String
    let key: String
    let name: String
    let description: String?
    let purpose: Segment.Purpose
    let kind: Segment.Kind
    let rule: String?
    let ruleJSON: SegmentRule?
    let frozenFrom: String?
    let size: Int?
    let createdBy: String
    let createdAt: Date
    let updatedBy: String
    let updatedAt: Date

    init(_ s: Segment, size: Int? = nil) {
        id = s.id.rawValue
        key = s.key
        name = s.name
        description = s.description
        purpose = s.purpose
        kind = s.kind
        rule = s.ruleText
        ruleJSON = s.ruleJSON.flatMap { try? SegmentRule(json: Data($0.utf8)) }
        frozenFrom = s.frozenFrom
        self.size = size
        createdBy = s.createdBy
        createdAt = s.createdAt
        updatedBy = s.updatedBy
        updatedAt = s.updatedAt
    }
}
