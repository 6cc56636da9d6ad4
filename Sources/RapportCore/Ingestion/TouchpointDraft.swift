import Foundation

/// What an administrator sends to register a touchpoint (R1.1). Every field is checked
/// and the issues are reported together, each naming its field.
public struct TouchpointDraft: Codable, Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var trustRank: Int?
    public var allowedAttributes: [String]?

    public init(name: String? = nil, kind: String? = nil, trustRank: Int? = nil, allowedAttributes: [String]? = nil) {
        self.name = name
        self.kind = kind
        self.trustRank = trustRank
        self.allowedAttributes = allowedAttributes
    }

    /// The touchpoint, or every issue found. `customAttributes` are the keys of defined
    /// custom attributes, which a touchpoint may also be allowed to supply.
    public func validated(id: SourceID, now: Date, customAttributes: Set<String> = []) throws(DomainError) -> Touchpoint {
        var check = IssueCollector()
        let name = TouchpointRules.name(name, into: &check)
        let kind = DateRules.enumValue(kind, TouchpointKind.self, field: "kind", required: true, into: &check)
        let rank = TouchpointRules.trustRank(trustRank, required: true, into: &check)
        let allowed = TouchpointRules.allowedAttributes(allowedAttributes ?? [], custom: customAttributes, into: &check)
        try check.check()
        return Touchpoint(id: id, name: name!, kind: kind!, trustRank: rank!, allowedAttributes: allowed, createdAt: now)
    }
}

/// A partial update of a touchpoint: absent fields are kept.
public struct TouchpointPatch: Codable, Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var trustRank: Int?
    public var allowedAttributes: [String]?

    public init(name: String? = nil, kind: String? = nil, trustRank: Int? = nil, allowedAttributes: [String]? = nil) {
        self.name = name
        self.kind = kind
        self.trustRank = trustRank
        self.allowedAttributes = allowedAttributes
    }

    /// The names of the fields this patch touches, for the audit trail.
    public var touchedFields: [String] {
        [("name", name != nil), ("kind", kind != nil), ("trustRank", trustRank != nil), ("allowedAttributes", allowedAttributes != nil)]
            .filter(\.1).map(\.0)
    }

    public func applied(to current: Touchpoint, customAttributes: Set<String> = []) throws(DomainError) -> Touchpoint {
        var check = IssueCollector()
        var updated = current
        if name != nil { updated.name = TouchpointRules.name(name, into: &check) ?? current.name }
        if kind != nil { updated.kind = DateRules.enumValue(kind, TouchpointKind.self, field: "kind", required: true, into: &check) ?? current.kind }
        if trustRank != nil { updated.trustRank = TouchpointRules.trustRank(trustRank, required: true, into: &check) ?? current.trustRank }
        if let allowedAttributes {
            updated.allowedAttributes = TouchpointRules.allowedAttributes(allowedAttributes, custom: customAttributes, into: &check)
        }
        try check.check()
        return updated
    }
}

/// The field rules shared by ``TouchpointDraft`` and ``TouchpointPatch``.
enum TouchpointRules {
    /// A stable slug: lower-case letters, digits and dashes, 2–60 characters.
    static func name(_ text: String?, into check: inout IssueCollector) -> String? {
        guard let name = check.text(text, field: "name", required: true, maxLength: 60) else { return nil }
        guard name.count >= 2, name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
            check.add(.invalid("name", "name '\(name)' must be 2–60 lower-case letters, digits or dashes, such as 'call-centre'."))
            return nil
        }
        return name
    }

    /// 1 is the most trusted; ranks run to 100.
    static func trustRank(_ rank: Int?, required: Bool, into check: inout IssueCollector) -> Int? {
        guard let rank else {
            if required { check.add(.required("trustRank")) }
            return nil
        }
        guard (1...100).contains(rank) else {
            check.add(.outOfRange("trustRank", "trustRank must be a whole number from 1 (most trusted) to 100."))
            return nil
        }
        return rank
    }

    /// Each name must be a ``TouchpointAttribute`` or a defined custom attribute; duplicates are dropped.
    static func allowedAttributes(_ names: [String], custom: Set<String>, into check: inout IssueCollector) -> [String] {
        var seen: [String] = []
        for (index, name) in names.enumerated() {
            guard TouchpointAttribute(rawValue: name) != nil || custom.contains(name) else {
                check.add(.unknown("allowedAttributes[\(index)]", value: name, allowed: TouchpointAttribute.names + custom.sorted()))
                continue
            }
            if !seen.contains(name) { seen.append(name) }
        }
        return seen
    }
}
