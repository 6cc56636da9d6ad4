import RapportCore

/// A household rule as an administrator sends it (API body, form, `--rule` file): every
/// field optional, the missing ones taken from ``HouseholdRule/standard``. ``validated()``
/// names each bad field.
public struct HouseholdRuleDraft: Codable, Sendable, Equatable {
    public var linksSameAddressAndFamilyName: Bool?
    public var linksSameAddressAlone: Bool?
    /// `never`, `same_address` or `anywhere`.
    public var sharedContacts: String?
    public var maximumPeoplePerAddress: Int?
    public var maximumPeoplePerContact: Int?

    public init(
        linksSameAddressAndFamilyName: Bool? = nil, linksSameAddressAlone: Bool? = nil, sharedContacts: String? = nil,
        maximumPeoplePerAddress: Int? = nil, maximumPeoplePerContact: Int? = nil
    ) {
        self.linksSameAddressAndFamilyName = linksSameAddressAndFamilyName
        self.linksSameAddressAlone = linksSameAddressAlone
        self.sharedContacts = sharedContacts
        self.maximumPeoplePerAddress = maximumPeoplePerAddress
        self.maximumPeoplePerContact = maximumPeoplePerContact
    }

    /// The largest limit a rule may set: beyond it one address or contact could glue a
    /// whole block into one household, which is what the limits are there to stop.
    public static let largestLimit = 1000

    /// The rule, or every issue found. A limit below 2 would link nobody; a rule that links
    /// on nothing would make everyone a household of one, so at least one kind of link is on.
    public func validated() throws(DomainError) -> HouseholdRule {
        let standard = HouseholdRule.standard
        var issues: [FieldIssue] = []
        var sharing = standard.sharedContacts
        if let sharedContacts {
            if let known = SharedContactLinking(rawValue: sharedContacts) {
                sharing = known
            } else {
                issues.append(
                    .unknown("sharedContacts", value: sharedContacts, allowed: ["never", "same_address", "anywhere"]))
            }
        }
        func limit(_ value: Int?, _ field: String, _ fallback: Int) -> Int {
            guard let value else { return fallback }
            if !(2...Self.largestLimit).contains(value) {
                issues.append(
                    .outOfRange(field, "\(field) must be between 2 and \(Self.largestLimit); it is \(value)."))
            }
            return value
        }
        let rule = HouseholdRule(
            linksSameAddressAndFamilyName: linksSameAddressAndFamilyName ?? standard.linksSameAddressAndFamilyName,
            linksSameAddressAlone: linksSameAddressAlone ?? standard.linksSameAddressAlone, sharedContacts: sharing,
            maximumPeoplePerAddress: limit(
                maximumPeoplePerAddress, "maximumPeoplePerAddress", standard.maximumPeoplePerAddress),
            maximumPeoplePerContact: limit(
                maximumPeoplePerContact, "maximumPeoplePerContact", standard.maximumPeoplePerContact))
        if !rule.linksSameAddressAndFamilyName && !rule.linksSameAddressAlone && rule.sharedContacts == .never {
            issues.append(
                FieldIssue(
                    field: "rule", code: "links_nothing",
                    message:
                        "The rule links on nothing: turn on address and family name, address alone or shared contacts.")
            )
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return rule
    }
}

extension HouseholdRule {
    /// The rule as a draft with every field set (what the API returns and the form shows).
    public var draft: HouseholdRuleDraft {
        HouseholdRuleDraft(
            linksSameAddressAndFamilyName: linksSameAddressAndFamilyName, linksSameAddressAlone: linksSameAddressAlone,
            sharedContacts: sharedContacts.rawValue, maximumPeoplePerAddress: maximumPeoplePerAddress,
            maximumPeoplePerContact: maximumPeoplePerContact)
    }
}
