import Foundation

/// A data mart as a client sends it. `rules` is rule text in the segment rule language,
/// read and checked by the segment engine in the store; `includes` names the parts of
/// history to export beside the profiles (``DataMartPart`` raw values).
public struct DataMartDraft: Codable, Sendable, Equatable {
    public var key: String?
    public var name: String?
    public var description: String?
    public var rules: String?
    public var includes: [String]?

    public init(
        key: String? = nil, name: String? = nil, description: String? = nil, rules: String? = nil,
        includes: [String]? = nil
    ) {
        self.key = key
        self.name = name
        self.description = description
        self.rules = rules
        self.includes = includes
    }

    /// The checked fields, every problem at once; an unknown include is named by its index
    /// (`includes[2]`). `requireKey` is false for an update, whose key is in the path.
    public func validated(requireKey: Bool = true) throws(DomainError) -> Validated {
        var check = IssueCollector()
        let key = check.text(key, field: "key", required: requireKey, maxLength: 64)
        if let key { Segment.validateKey(key, into: &check) }
        let name = check.text(name, field: "name", required: true, maxLength: 120)
        let description = check.text(description, field: "description", maxLength: 2000)
        let rules = check.text(rules, field: "rules", required: true, maxLength: 20_000)
        var parts: Set<DataMartPart> = []
        for (index, text) in (includes ?? []).enumerated() {
            let trimmed = text.trimmingSpaces()
            guard let part = DataMartPart(rawValue: trimmed) else {
                check.add(.unknown("includes[\(index)]", value: trimmed, allowed: DataMartPart.allCases.map(\.rawValue)))
                continue
            }
            parts.insert(part)
        }
        try check.check()
        return Validated(
            key: key ?? "", name: name!, description: description, rules: rules!,
            includes: DataMartPart.allCases.filter { $0 != .profiles && parts.contains($0) })
    }

    /// A draft's fields after checking; `includes` in ``DataMartPart`` order, without profiles.
    public struct Validated: Sendable, Equatable {
        public var key: String
        public var name: String
        public var description: String?
        public var rules: String
        public var includes: [DataMartPart]
    }
}
