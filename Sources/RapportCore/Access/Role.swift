/// The kinds of staff who use Rapport (R10.1). Each role grants a fixed set of
/// ``Permission``s; routes declare the permission they need.
public enum Role: String, Codable, Sendable, CaseIterable {
    case administrator
    case privacyOfficer = "privacy_officer"
    case marketer
    case analyst
    case salesRep = "sales_rep"
    case salesManager = "sales_manager"
    case serviceAgent = "service_agent"
    case host
    /// An outside agent: sees only the people assigned to them.
    case partnerAgent = "partner_agent"
    case readOnly = "read_only"

    /// What this role may do.
    public var permissions: Set<Permission> {
        switch self {
        case .administrator:
            Set(Permission.allCases)
        case .privacyOfficer:
            [.readPeople, .readOrganisations, .readActivity, .readAudit, .exportData, .writePeople, .suppressPeople]
        case .marketer:
            [
                .readPeople, .readOrganisations, .readActivity, .manageAttributes, .exportData, .readAnalytics, .manageSegments,
                .manageDataMarts,
            ]
        case .analyst:
            [
                .readPeople, .readOrganisations, .readActivity, .exportData, .manageValueModels, .readAnalytics, .manageSegments,
                .manageDataMarts,
            ]
        case .salesManager:
            [.readPeople, .writePeople, .readOrganisations, .writeOrganisations, .readActivity, .writeActivity, .readAnalytics]
        case .salesRep:
            [.readPeople, .writePeople, .readOrganisations, .writeOrganisations, .readActivity, .writeActivity]
        case .serviceAgent:
            [.readPeople, .writePeople, .readOrganisations, .readActivity, .writeActivity, .suppressPeople]
        case .host:
            [.readPeople, .readActivity, .writeActivity]
        case .partnerAgent:
            [.readPeople, .readActivity, .writeActivity]
        case .readOnly:
            [.readPeople, .readOrganisations, .readActivity]
        }
    }

    /// Partner agents (and only they) are limited to the people assigned to them.
    public var seesOnlyAssignedPeople: Bool { self == .partnerAgent }

    /// A name for people: "Privacy officer".
    public var label: String {
        let words = rawValue.split(separator: "_").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// A single right. Kept coarse on purpose: one per area and verb.
public enum Permission: String, Codable, Sendable, CaseIterable {
    case readPeople = "people:read"
    case writePeople = "people:write"
    case readOrganisations = "organisations:read"
    case writeOrganisations = "organisations:write"
    /// Interactions and purchases.
    case readActivity = "activity:read"
    case writeActivity = "activity:write"
    case manageAttributes = "attributes:manage"
    /// Define, change, preview and freeze segments (reading them needs only `people:read`).
    case manageSegments = "segments:manage"
    /// Refit the customer-value models.
    case manageValueModels = "value:manage"
    case exportData = "data:export"
    /// Portfolio aggregates: Pareto, RFM, value models.
    case readAnalytics = "analytics:read"
    case readAudit = "audit:read"
    case manageUsers = "users:manage"
    /// Register touchpoints and work the ingestion quarantine (R1.1, R1.4).
    case manageTouchpoints = "touchpoints:manage"
    /// Subscribe receivers to outbound webhooks and read their delivery log (R10.2). Only
    /// administrators hold it: a subscription learns of every change, if not its content.
    case manageWebhooks = "webhooks:manage"
    /// Data stewardship of identities (R1.3, R1.7–R1.10): work the clerical-review queue, merge
    /// and unmerge people, run re-resolution, configure survivorship and household rules, apply
    /// movers and enrichment files. Administrators only: a wrong merge shows one person's data to
    /// whoever serves the other.
    case resolveIdentities = "identity:resolve"
    /// Suppress a person or contact point (deceased, undeliverable, on request) and lift it (R1.10).
    case suppressPeople = "people:suppress"
    /// Define data marts, named extracts of a subset of profiles and their history (R1.10);
    /// exporting one also needs `data:export`.
    case manageDataMarts = "marts:manage"
}
