import Foundation

/// The plain fields of a segment as a client sends them; the rule travels beside it,
/// because reading and checking a rule is the segment engine's work.
public struct SegmentDraft: Codable, Sendable, Equatable {
    public var key: String?
    public var name: String?
    public var description: String?
    public var purpose: String?
    public var kind: String?

    public init(
        key: String? = nil, name: String? = nil, description: String? = nil, purpose: String? = nil, kind: String? = nil
    ) {
        self.key = key
        self.name = name
        self.description = description
        self.purpose = purpose
        self.kind = kind
    }

    /// The checked fields; the purpose defaults to contact and the kind to dynamic.
    public func validated() throws(DomainError) -> Validated {
        var check = IssueCollector()
        let key = check.text(key, field: "key", required: true, maxLength: 64)
        if let key { Segment.validateKey(key, into: &check) }
        let name = check.text(name, field: "name", required: true, maxLength: 120)
        let description = check.text(description, field: "description", maxLength: 2000)
        let purpose =
            DateRules.enumValue(purpose, Segment.Purpose.self, field: "purpose", required: false, into: &check)
            ?? .contact
        let kind =
            DateRules.enumValue(kind, Segment.Kind.self, field: "kind", required: false, into: &check) ?? .dynamic
        try check.check()
        return Validated(key: key!, name: name!, description: description, purpose: purpose, kind: kind)
    }

    /// A draft's fields after checking.
    public struct Validated: Sendable, Equatable {
        public var key: String
        public var name: String
        public var description: String?
        public var purpose: Segment.Purpose
        public var kind: Segment.Kind

        public init(key: String, name: String, description: String?, purpose: Segment.Purpose, kind: Segment.Kind) {
            self.key = key
            self.name = name
            self.description = description
            self.purpose = purpose
            self.kind = kind
        }
    }
}

/// A change to a segment's name, description or purpose (JSON merge patch); the key and the
/// kind never change, and the rule travels beside it.
public struct SegmentPatch: Decodable, Sendable, Equatable {
    public var name: PatchField<String>
    public var description: PatchField<String>
    public var purpose: PatchField<String>

    public init(
        name: PatchField<String> = .keep, description: PatchField<String> = .keep, purpose: PatchField<String> = .keep
    ) {
        self.name = name
        self.description = description
        self.purpose = purpose
    }

    enum CodingKeys: String, CodingKey { case name, description, purpose }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.patchField(String.self, forKey: .name)
        description = try container.patchField(String.self, forKey: .description)
        purpose = try container.patchField(String.self, forKey: .purpose)
    }

    /// The segment with the patch applied, checked field by field.
    public func applied(to segment: Segment) throws(DomainError) -> Segment {
        var check = IssueCollector()
        var result = segment
        switch name {
        case .keep: break
        case .clear: check.add(.required("name"))
        case .set(let text):
            result.name = check.text(text, field: "name", required: true, maxLength: 120) ?? segment.name
        }
        result.description = check.text(
            description.applied(to: segment.description), field: "description", maxLength: 2000)
        switch purpose {
        case .keep: break
        case .clear: check.add(.required("purpose"))
        case .set(let text):
            result.purpose =
                DateRules.enumValue(text, Segment.Purpose.self, field: "purpose", required: true, into: &check)
                ?? segment.purpose
        }
        try check.check()
        return result
    }
}
