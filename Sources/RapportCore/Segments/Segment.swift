import Foundation

/// A saved segment (R3.2): a named group of people decided by a rule (dynamic) or by a
/// list frozen at one moment (static).
///
/// The rule itself is kept as text and as JSON here; parsing, checking and compiling it to
/// SQL belong to `RapportSegments`, which this module does not depend on.
public struct Segment: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "seg"

    /// What a segment may be used for (purpose limitation, R2.8).
    public enum Purpose: String, Codable, Sendable, CaseIterable {
        /// May select people to contact: tests only contact attributes and contact segments.
        case contact
        /// Reports and analysis only: may test analytics-only attributes; never a contact list.
        case reporting
    }

    /// How membership is decided.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Whoever the rule selects now, evaluated on the current data every time.
        case dynamic
        /// A member list stored once (from a rule's result or a list of people) that no later
        /// change of data alters.
        case frozen
    }

    public var id: SegmentID
    /// The key rules and URLs use (`in segment "vip"`, `/segments/vip`): a slug, unique, fixed.
    public var key: String
    public var name: String
    public var description: String?
    public var purpose: Purpose
    public var kind: Kind
    /// The rule in canonical text; for a frozen segment, the rule it was frozen from, if any.
    public var ruleText: String?
    /// The same rule in the API's JSON form.
    public var ruleJSON: String?
    /// For a segment frozen from another, that segment's key.
    public var frozenFrom: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedBy: String
    public var updatedAt: Date

    public init(
        id: SegmentID, key: String, name: String, description: String? = nil, purpose: Purpose, kind: Kind,
        ruleText: String?, ruleJSON: String?, frozenFrom: String? = nil, createdBy: String, createdAt: Date,
        updatedBy: String? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.description = description
        self.purpose = purpose
        self.kind = kind
        self.ruleText = ruleText
        self.ruleJSON = ruleJSON
        self.frozenFrom = frozenFrom
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedBy = updatedBy ?? createdBy
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Keys that would collide with the pages and operations under `/segments/`.
    public static let reservedKeys: Set<String> = ["new", "preview"]

    /// Checks a proposed key: 1–64 lower-case letters, digits, `-` and `_`, starting with a
    /// letter or digit, not a reserved word.
    public static func validateKey(_ key: String, field: String = "key", into check: inout IssueCollector) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard (1...64).contains(key.count), key.allSatisfy(allowed.contains), key.first != "-", key.first != "_" else {
            check.add(
                .invalid(
                    field,
                    "\(field) '\(key)' must be a slug of 1–64 lower-case letters, digits, '-' and '_', "
                        + "starting with a letter or digit, such as 'vip-customers'."))
            return
        }
        if reservedKeys.contains(key) {
            check.add(.invalid(field, "\(field) '\(key)' is reserved; choose another key."))
        }
    }
}
