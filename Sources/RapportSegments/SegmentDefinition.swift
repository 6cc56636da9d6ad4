/// What a segment may be used for (R2.8 purpose limitation).
public enum SegmentPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// May select people for contact lists and campaigns: only contact fields, only contact segments.
    case contact
    /// Reports and analysis only: may use analytics-only fields; never a contact list.
    case reporting
}

/// A saved segment as the engine needs to know it: its key, purpose and either its rule
/// (dynamic) or the fact that its members are a frozen list kept by the store (static).
public struct SegmentDefinition: Sendable, Hashable, Codable {
    /// How membership is decided.
    public enum Kind: Sendable, Hashable {
        /// Members are whoever the rule selects now; kept current as data changes.
        case dynamic(SegmentRule)
        /// Members are a list frozen at one moment (from a rule or an upload) and stored by
        /// the store; a rule referring to it tests the list.
        case frozen
    }

    /// The key rules use: `in segment "vip"`.
    public var key: String
    public var purpose: SegmentPurpose
    public var kind: Kind

    public init(key: String, purpose: SegmentPurpose, kind: Kind) {
        self.key = key
        self.purpose = purpose
        self.kind = kind
    }

    /// A dynamic segment.
    public static func dynamic(_ key: String, purpose: SegmentPurpose = .contact, rule: SegmentRule)
        -> SegmentDefinition
    {
        SegmentDefinition(key: key, purpose: purpose, kind: .dynamic(rule))
    }

    /// A static segment with a frozen member list.
    public static func frozen(_ key: String, purpose: SegmentPurpose = .contact) -> SegmentDefinition {
        SegmentDefinition(key: key, purpose: purpose, kind: .frozen)
    }
}

/// The saved segments a rule may refer to with `in segment "key"`, supplied by the caller.
public struct SegmentLibrary: Sendable, Hashable {
    private var byKey: [String: SegmentDefinition]

    public init(_ definitions: [SegmentDefinition] = []) {
        byKey = Dictionary(definitions.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// An empty library: a rule that refers to a segment is rejected.
    public static let empty = SegmentLibrary()

    public subscript(key: String) -> SegmentDefinition? { byKey[key] }

    /// Every key, sorted.
    public var keys: [String] { byKey.keys.sorted() }

    /// Adds or replaces a definition.
    public mutating func add(_ definition: SegmentDefinition) { byKey[definition.key] = definition }
}

/// JSON form: `{"key": "vip", "purpose": "contact", "kind": "dynamic", "rule": {…}}` or
/// `{"key": "mailing-2026", "purpose": "contact", "kind": "frozen"}`.
extension SegmentDefinition {
    private enum Key: String, CodingKey { case key, purpose, kind, rule }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        key = try container.decode(String.self, forKey: .key)
        purpose = try container.decode(SegmentPurpose.self, forKey: .purpose)
        switch try container.decode(String.self, forKey: .kind) {
        case "dynamic": kind = .dynamic(try container.decode(SegmentRule.self, forKey: .rule))
        case "frozen": kind = .frozen
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "Unknown kind '\(other)'; use dynamic or frozen.")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(key, forKey: .key)
        try container.encode(purpose, forKey: .purpose)
        switch kind {
        case .dynamic(let rule):
            try container.encode("dynamic", forKey: .kind)
            try container.encode(rule, forKey: .rule)
        case .frozen:
            try container.encode("frozen", forKey: .kind)
        }
    }
}
