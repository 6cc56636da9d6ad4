import RapportIntegration

/// What a household rebuild did (R1.8): the counts an administrator checks after a rule change.
public struct HouseholdRebuildSummary: Codable, Sendable, Equatable {
    /// People grouped, and the households they make (a person alone is a household of one).
    public var people = 0
    public var households = 0
    public var householdsCreated = 0
    /// Households that kept their ID but gained or lost members.
    public var householdsChanged = 0
    /// Households none of whose members are left in them: deleted.
    public var householdsDissolved = 0
    /// People whose household ID changed (including people who had none).
    public var peopleMoved = 0
    public var linksAdded = 0
    public var linksRemoved = 0
    /// Addresses and contacts over the rule's limits, which made no links.
    public var crowdedAddresses = 0
    public var crowdedContacts = 0
    /// The rule the rebuild ran with.
    public var rule: HouseholdRuleDraft

    public init(rule: HouseholdRuleDraft) {
        self.rule = rule
    }
}
