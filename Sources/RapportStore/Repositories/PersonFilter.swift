import RapportCore
import SQLKit

/// Filters for listing people. Every field narrows the list; nil means "any".
public struct PersonFilter: Sendable, Equatable {
    /// Name prefix (folded, so "lodz" finds "Łódź"), a full person ID, an e-mail or a phone.
    public var text: String?
    public var country: String?
    public var householdID: HouseholdID?
    public var organisationID: OrganisationID?
    public var status: PersonStatus?

    public init(
        text: String? = nil, country: String? = nil, householdID: HouseholdID? = nil, organisationID: OrganisationID? = nil,
        status: PersonStatus? = nil
    ) {
        self.text = text
        self.country = country
        self.householdID = householdID
        self.organisationID = organisationID
        self.status = status
    }

    func apply(to query: inout SQLQueryString, actor: Actor) {
        if actor.role.seesOnlyAssignedPeople {
            query.appendInterpolation(unsafeRaw: " AND owner_user_id = ")
            query.appendInterpolation(bind: actor.userID?.rawValue ?? "")
        }
        if let country {
            query.appendInterpolation(unsafeRaw: " AND country = ")
            query.appendInterpolation(bind: country.uppercased())
        }
        if let householdID {
            query.appendInterpolation(unsafeRaw: " AND household_id = ")
            query.appendInterpolation(bind: householdID.rawValue)
        }
        if let organisationID {
            query.appendInterpolation(unsafeRaw: " AND id IN (SELECT person_id FROM memberships WHERE organisation_id = ")
            query.appendInterpolation(bind: organisationID.rawValue)
            query.appendInterpolation(unsafeRaw: ")")
        }
        if let status {
            query.appendInterpolation(unsafeRaw: " AND status = ")
            query.appendInterpolation(bind: status.rawValue)
        }
        // Merged people are listed only when asked for by status: their data is the survivor's now.
        if status != .merged { query.appendInterpolation(unsafeRaw: " AND merged_into_id IS NULL") }
        if let text = text?.trimmingSpaces(), !text.isEmpty {
            SearchCondition.append(text, to: &query)
        }
    }
}

/// Turns what staff type into the search box into one indexed condition: a person ID, an
/// e-mail, a phone number, or a name prefix on the family name or the full name.
enum SearchCondition {
    static func append(_ text: String, to query: inout SQLQueryString) {
        if PersonID(parsing: text) != nil {
            query.appendInterpolation(unsafeRaw: " AND id = ")
            query.appendInterpolation(bind: text)
            return
        }
        if text.contains("@") {
            query.appendInterpolation(unsafeRaw: " AND id IN (SELECT person_id FROM contact_points WHERE normalized = ")
            query.appendInterpolation(bind: text.lowercased())
            query.appendInterpolation(unsafeRaw: ")")
            return
        }
        let digits = text.filter(\.isNumber)
        if digits.count >= 6, text.allSatisfy({ $0.isNumber || " +-().".contains($0) }) {
            // Stored phones are E.164; match on the trailing national digits so "601 234 567",
            // "0601234567" and "+48 601 234 567" all find +48601234567.
            let tail = String(digits.suffix(9))
            query.appendInterpolation(unsafeRaw: " AND id IN (SELECT person_id FROM contact_points WHERE kind = 'phone' AND normalized LIKE ")
            query.appendInterpolation(bind: "%" + tail)
            query.appendInterpolation(unsafeRaw: ")")
            return
        }
        let folded = SearchText.fold(text)
        let upper = folded + "\u{FFFF}"
        query.appendInterpolation(unsafeRaw: " AND ((search_family >= ")
        query.appendInterpolation(bind: folded)
        query.appendInterpolation(unsafeRaw: " AND search_family < ")
        query.appendInterpolation(bind: upper)
        query.appendInterpolation(unsafeRaw: ") OR (search_name >= ")
        query.appendInterpolation(bind: folded)
        query.appendInterpolation(unsafeRaw: " AND search_name < ")
        query.appendInterpolation(bind: upper)
        query.appendInterpolation(unsafeRaw: "))")
    }
}
