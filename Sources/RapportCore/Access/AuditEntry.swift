import Foundation

/// One line of the audit trail: who read or changed which record, when, and how (R10.3).
public struct AuditEntry: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "aud"

    public var id: AuditEntryID
    public var at: Date
    public var actorUserID: UserID?
    public var actorName: String
    public var action: AuditAction
    /// `person`, `organisation`, `contact_point`, `purchase`, …
    public var entityType: String
    public var entityID: String
    /// A short description: the fields changed, the export's filter, the route.
    public var detail: String?

    public init(
        id: AuditEntryID, at: Date, actorUserID: UserID?, actorName: String, action: AuditAction, entityType: String,
        entityID: String, detail: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actorUserID = actorUserID
        self.actorName = actorName
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.detail = detail
    }
}

public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case read, create, update, delete, export, login, loginFailed = "login_failed", logout
}
