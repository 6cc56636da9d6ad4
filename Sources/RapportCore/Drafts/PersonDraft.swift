import Foundation

/// What a client sends to create a person. Every field is checked and the issues are
/// reported together, each naming its field.
public struct PersonDraft: Codable, Sendable, Equatable {
    public var givenName: String?
    public var familyName: String?
    /// `YYYY-MM-DD`.
    public var birthDate: String?
    public var gender: String?
    public var language: String?
    public var country: String?
    public var householdID: String?
    public var ownerUserID: String?

    public init(
        givenName: String? = nil, familyName: String? = nil, birthDate: String? = nil, gender: String? = nil,
        language: String? = nil, country: String? = nil, householdID: String? = nil, ownerUserID: String? = nil
    ) {
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.gender = gender
        self.language = language
        self.country = country
        self.householdID = householdID
        self.ownerUserID = ownerUserID
    }

    /// The person this draft describes, or every issue found.
    public func validated(id: PersonID, now: Date) throws(DomainError) -> Person {
        var check = IssueCollector()
        let given = check.text(givenName, field: "givenName")
        let family = check.text(familyName, field: "familyName")
        if given == nil && family == nil && check.issues.isEmpty {
            check.add(FieldIssue(field: "familyName", code: "required", message: "givenName or familyName is required."))
        }
        let person = Person(
            id: id,
            householdID: PersonRules.householdID(householdID, into: &check),
            givenName: given, familyName: family,
            birthDate: PersonRules.birthDate(birthDate, now: now, into: &check),
            gender: PersonRules.gender(gender, into: &check),
            language: PersonRules.language(language, into: &check),
            country: PersonRules.country(country, field: "country", into: &check),
            ownerUserID: PersonRules.userID(ownerUserID, into: &check),
            createdAt: now, updatedAt: now)
        try check.check()
        return person
    }
}

/// A partial update of a person (JSON merge patch).
public struct PersonPatch: Decodable, Sendable, Equatable {
    public var givenName: PatchField<String> = .keep
    public var familyName: PatchField<String> = .keep
    public var birthDate: PatchField<String> = .keep
    public var gender: PatchField<String> = .keep
    public var language: PatchField<String> = .keep
    public var country: PatchField<String> = .keep
    public var householdID: PatchField<String> = .keep
    public var ownerUserID: PatchField<String> = .keep
    public var status: PatchField<String> = .keep

    public init() {}

    enum CodingKeys: String, CodingKey {
        case givenName, familyName, birthDate, gender, language, country, householdID, ownerUserID, status
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        givenName = try c.patchField(String.self, forKey: .givenName)
        familyName = try c.patchField(String.self, forKey: .familyName)
        birthDate = try c.patchField(String.self, forKey: .birthDate)
        gender = try c.patchField(String.self, forKey: .gender)
        language = try c.patchField(String.self, forKey: .language)
        country = try c.patchField(String.self, forKey: .country)
        householdID = try c.patchField(String.self, forKey: .householdID)
        ownerUserID = try c.patchField(String.self, forKey: .ownerUserID)
        status = try c.patchField(String.self, forKey: .status)
    }

    /// The names of the fields this patch touches, for the audit trail.
    public var touchedFields: [String] {
        let fields: [(String, Bool)] = [
            ("givenName", givenName != .keep), ("familyName", familyName != .keep), ("birthDate", birthDate != .keep),
            ("gender", gender != .keep), ("language", language != .keep), ("country", country != .keep),
            ("householdID", householdID != .keep), ("ownerUserID", ownerUserID != .keep), ("status", status != .keep),
        ]
        return fields.filter(\.1).map(\.0)
    }

    /// Applies the patch to `person`, checking every touched field.
    public func applied(to person: Person, now: Date) throws(DomainError) -> Person {
        var check = IssueCollector()
        var updated = person
        updated.givenName = text(givenName, current: person.givenName, field: "givenName", into: &check)
        updated.familyName = text(familyName, current: person.familyName, field: "familyName", into: &check)
        if updated.givenName == nil && updated.familyName == nil && check.issues.isEmpty {
            check.add(FieldIssue(field: "familyName", code: "required", message: "givenName or familyName is required."))
        }
        if case .set(let value) = birthDate { updated.birthDate = PersonRules.birthDate(value, now: now, into: &check) }
        if case .clear = birthDate { updated.birthDate = nil }
        if case .set(let value) = gender { updated.gender = PersonRules.gender(value, into: &check) }
        if case .clear = gender { updated.gender = nil }
        if case .set(let value) = language { updated.language = PersonRules.language(value, into: &check) }
        if case .clear = language { updated.language = nil }
        if case .set(let value) = country { updated.country = PersonRules.country(value, field: "country", into: &check) }
        if case .clear = country { updated.country = nil }
        if case .set(let value) = householdID { updated.householdID = PersonRules.householdID(value, into: &check) }
        if case .clear = householdID { updated.householdID = nil }
        if case .set(let value) = ownerUserID { updated.ownerUserID = PersonRules.userID(value, into: &check) }
        if case .clear = ownerUserID { updated.ownerUserID = nil }
        if case .set(let value) = status {
            if let parsed = PersonStatus(rawValue: value), PersonStatus.assignable.contains(parsed) {
                updated.status = parsed
            } else {
                check.add(.unknown("status", value: value, allowed: PersonStatus.assignable.map(\.rawValue)))
            }
        }
        if case .clear = status { check.add(.required("status")) }
        try check.check()
        updated.updatedAt = now
        return updated
    }

    private func text(_ field: PatchField<String>, current: String?, field name: String, into check: inout IssueCollector) -> String? {
        switch field {
        case .keep: current
        case .clear: nil
        case .set(let value): check.text(value, field: name)
        }
    }
}
