import Foundation

/// A data mart (R1.10): a named extract of a subset of the profiles — those a rule in the
/// segment rule language selects — with the parts of their history another function needs,
/// exportable as CSV. Only people ``ContactGate`` lets be contacted are ever extracted:
/// suppressed and merged people never leave through a mart.
public struct DataMart: IdentifiedEntity, Sendable, Equatable, Codable {
    public static let idPrefix = "mrt"

    public var id: DataMartID
    /// A slug that names the mart in URLs and on the command line; it never changes.
    public var key: String
    public var name: String
    public var description: String?
    /// The filter, as rule text (`country = "PL" and spend > 100`).
    public var rules: String
    /// The parts of the extract besides the profiles themselves, in ``DataMartPart`` order.
    public var includes: [DataMartPart]
    public var createdBy: String
    public var createdAt: Date
    public var updatedBy: String
    public var updatedAt: Date

    public init(
        id: DataMartID, key: String, name: String, description: String?, rules: String, includes: [DataMartPart],
        createdBy: String, createdAt: Date, updatedBy: String? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.description = description
        self.rules = rules
        self.includes = includes
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedBy = updatedBy ?? createdBy
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Every part the mart exports: the profiles, then what it includes.
    public var parts: [DataMartPart] { [.profiles] + includes.filter { $0 != .profiles } }
}

public typealias DataMartID = Identifier<DataMart>

/// One CSV file of a mart's export: the profiles, or one kind of their history.
public enum DataMartPart: String, Codable, Sendable, CaseIterable {
    case profiles
    case contactPoints = "contact_points"
    case purchases
    case interactions
    case attributes
}
