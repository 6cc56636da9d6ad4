import Foundation
import RapportCore

/// Which rule decides each attribute's golden value: one per attribute, with a default for
/// the rest. Stored as JSON and edited by administrators:
///
/// ```json
/// { "default": { "rule": "trusted_source" },
///   "attributes": { "email": { "rule": "most_recent" },
///                   "familyName": { "rule": "majority", "ignoresEmptyValues": false } } }
/// ```
///
/// Changing a policy changes nothing by itself: the golden profiles are recomputed by running
/// ``Survivorship`` again with the new policy over the same observations.
public struct SurvivorshipPolicy: Hashable, Codable, Sendable {
    /// The setting for attributes without one of their own.
    public var defaultSetting: AttributeSurvivorship
    /// Settings per attribute key.
    public var attributes: [String: AttributeSurvivorship]

    public init(
        default defaultSetting: AttributeSurvivorship = .init(rule: .trustedSource),
        attributes: [String: AttributeSurvivorship] = [:]
    ) {
        self.defaultSetting = defaultSetting
        self.attributes = attributes
    }

    /// Trusted source for every attribute, empty values ignored.
    public static let standard = SurvivorshipPolicy()

    /// The setting that applies to `attribute`.
    public func setting(for attribute: String) -> AttributeSurvivorship {
        attributes[attribute] ?? defaultSetting
    }

    /// A copy with `rule` for `attribute` (keeping its other settings, or the default's).
    public func with(_ rule: SurvivorshipRule, for attribute: String) -> SurvivorshipPolicy {
        var copy = self
        var setting = setting(for: attribute)
        setting.rule = rule
        copy.attributes[attribute] = setting
        return copy
    }

    /// Reads a policy from JSON, with an error that names the bad key and says what to write.
    public init(json: Data) throws(SurvivorshipPolicyError) {
        do {
            self = try JSONDecoder().decode(SurvivorshipPolicy.self, from: json)
        } catch let error as DecodingError {
            throw SurvivorshipPolicyError(error)
        } catch {
            throw SurvivorshipPolicyError(path: "", message: "\(error)")
        }
        if let blank = attributes.keys.first(where: { $0.trimmingSpaces().isEmpty }) {
            throw SurvivorshipPolicyError(path: "attributes.\(blank)", message: "attribute keys must not be blank")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case defaultSetting = "default"
        case attributes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        defaultSetting =
            try container.decodeIfPresent(AttributeSurvivorship.self, forKey: .defaultSetting)
            ?? .init(rule: .trustedSource)
        attributes = try container.decodeIfPresent([String: AttributeSurvivorship].self, forKey: .attributes) ?? [:]
    }
}

/// The survivorship setting of one attribute.
public struct AttributeSurvivorship: Hashable, Codable, Sendable {
    public var rule: SurvivorshipRule
    /// Whether empty values are passed over (the default): a source that sends the attribute
    /// blank then neither wins nor counts. When false, an empty value competes like any other
    /// and can win — "the most trusted source says there is no phone number".
    public var ignoresEmptyValues: Bool
    /// How values are compared for agreement.
    public var comparison: ValueComparison

    public init(rule: SurvivorshipRule, ignoresEmptyValues: Bool = true, comparison: ValueComparison = .folded) {
        self.rule = rule
        self.ignoresEmptyValues = ignoresEmptyValues
        self.comparison = comparison
    }

    private enum CodingKeys: String, CodingKey {
        case rule, ignoresEmptyValues, comparison
    }

    /// Only `rule` is required; the others take their defaults when left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(SurvivorshipRule.self, forKey: .rule)
        ignoresEmptyValues = try container.decodeIfPresent(Bool.self, forKey: .ignoresEmptyValues) ?? true
        comparison = try container.decodeIfPresent(ValueComparison.self, forKey: .comparison) ?? .folded
    }
}

/// Why a stored survivorship policy cannot be read: where (`attributes.email.rule`) and what
/// to write instead.
public struct SurvivorshipPolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The dotted path of the offending key; empty for the document as a whole.
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    init(_ error: DecodingError) {
        func dotted(_ keys: [any CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .dataCorrupted(let context):
            let notJSON = context.codingPath.isEmpty
            self.init(
                path: dotted(context.codingPath),
                message: notJSON ? "the document is not valid JSON" : context.debugDescription)
        case .keyNotFound(let key, let context):
            self.init(path: dotted(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context):
            self.init(path: dotted(context.codingPath), message: "must be \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(path: dotted(context.codingPath), message: "must be \(Self.describe(type)), not null")
        @unknown default:
            self.init(path: "", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        default: "an object"
        }
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
