import Foundation

/// People who live together at one address and are treated as one unit for mailing and value.
public struct Household: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "hh"

    public var id: HouseholdID
    /// A label for staff, usually "Family name, City".
    public var name: String
    public var createdAt: Date

    public init(id: HouseholdID, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}
