import Foundation

/// One individual — a customer, a prospect, a former customer or a contact at an account.
///
/// The person ID is persistent: merges and unmerges (identity resolution) keep it, so
/// every other system can hold on to it. A person carries their household's ID too (R1.8).
public struct Person: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "per"

    public var id: PersonID
    public var householdID: HouseholdID?
    /// Given name(s) as written by the person, diacritics kept: "Łukasz".
    public var givenName: String?
    /// Family name; absent for people with a single name, common in Indonesia.
    public var familyName: String?
    public var birthDate: LocalDate?
    public var gender: Gender?
    /// BCP 47 language tag of the person's preferred language, e.g. `pl` or `id`.
    public var language: String?
    /// ISO 3166-1 alpha-2 country of residence.
    public var country: String?
    public var status: PersonStatus
    /// The staff member who looks after this person (sales rep, host, partner agent).
    public var ownerUserID: UserID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: PersonID, householdID: HouseholdID? = nil, givenName: String?, familyName: String?,
        birthDate: LocalDate? = nil, gender: Gender? = nil, language: String? = nil, country: String? = nil,
        status: PersonStatus = .active, ownerUserID: UserID? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.householdID = householdID
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.gender = gender
        self.language = language
        self.country = country
        self.status = status
        self.ownerUserID = ownerUserID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// "Given Family", or whichever part exists.
    public var displayName: String {
        [givenName, familyName].compactMap { $0 }.joined(separator: " ")
    }
}

public enum Gender: String, Codable, Sendable, CaseIterable {
    case female, male, other
}

/// Whether a person may be used at all. Suppressed people stay for history and matching
/// but are never selected or contacted (R1.10).
public enum PersonStatus: String, Codable, Sendable, CaseIterable {
    case active
    case suppressedDeceased = "suppressed_deceased"
    case suppressedUndeliverable = "suppressed_undeliverable"
    case suppressedOnRequest = "suppressed_on_request"
    /// Absorbed into another person by a merge (R1.7): kept so the ID still resolves and an
    /// unmerge can give it back; never listed, selected or written to. Set only by merges.
    case merged

    /// The statuses a person's record may be given by an edit (`merged` only by a merge).
    public static var assignable: [PersonStatus] { allCases.filter { $0 != .merged } }
}
