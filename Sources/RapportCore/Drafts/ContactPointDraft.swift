import Foundation

/// What a client sends to add a contact point. E-mails are lower-cased, phones brought
/// to E.164 using the country, postal addresses standardised for their country.
public struct ContactPointDraft: Codable, Sendable, Equatable {
    public var kind: String?
    /// The e-mail address or phone number; for postal addresses use `address`.
    public var value: String?
    public var label: String?
    public var address: AddressDraft?
    public var validFrom: String?
    public var validTo: String?
    public var isPrimary: Bool?
    /// Used to read national phone numbers; defaults to the person's country.
    public var country: String?

    public init(
        kind: String? = nil, value: String? = nil, label: String? = nil, address: AddressDraft? = nil,
        validFrom: String? = nil, validTo: String? = nil, isPrimary: Bool? = nil, country: String? = nil
    ) {
        self.kind = kind
        self.value = value
        self.label = label
        self.address = address
        self.validFrom = validFrom
        self.validTo = validTo
        self.isPrimary = isPrimary
        self.country = country
    }

    /// The contact point for `owner`, or every issue found.
    public func validated(
        id: ContactPointID, personID: PersonID?, organisationID: OrganisationID?, defaultCountry: String?, now: Date
    ) throws(DomainError) -> ContactPoint {
        var check = IssueCollector()
        let kind = DateRules.enumValue(kind, ContactKind.self, field: "kind", required: true, into: &check)
        let label = check.text(label, field: "label", maxLength: 40)
        let validFrom = DateRules.day(validFrom, field: "validFrom", into: &check)
        let validTo = DateRules.day(validTo, field: "validTo", into: &check)
        if let validFrom, let validTo, validTo <= validFrom {
            check.add(.outOfRange("validTo", "validTo must be after validFrom."))
        }
        var display = ""
        var normalized = ""
        var postal: PostalAddress?
        switch kind {
        case .email:
            guard let value, !value.isEmpty else { check.add(.required("value")); break }
            switch EmailAddress.normalize(value, field: "value") {
            case .success(let email): (display, normalized) = (email, email)
            case .failure(let issue): check.add(issue)
            }
        case .phone:
            guard let value, !value.isEmpty else { check.add(.required("value")); break }
            switch PhoneNumber.parse(value, country: country ?? defaultCountry, field: "value") {
            case .success(let phone): (display, normalized) = (phone.formatted, phone.e164)
            case .failure(let issue): check.add(issue)
            }
        case .postal:
            guard let address else { check.add(.required("address")); break }
            if let draft = address.validated(defaultCountry: country ?? defaultCountry, into: &check) {
                switch AddressStandardizer.standardize(draft) {
                case .success(let standard):
                    postal = standard
                    display = standard.formatted
                    normalized = AddressStandardizer.matchKey(standard)
                case .failure(let error):
                    if case .invalid(let issues) = error { issues.forEach { check.add($0) } }
                }
            }
        case nil:
            break
        }
        try check.check()
        return ContactPoint(
            id: id, personID: personID, organisationID: organisationID, kind: kind!, value: display,
            normalized: normalized, label: label, address: postal, validFrom: validFrom, validTo: validTo,
            isPrimary: isPrimary ?? false, createdAt: now)
    }
}

/// A postal address as a client sends it.
public struct AddressDraft: Codable, Sendable, Equatable {
    public var line1: String?
    public var line2: String?
    public var city: String?
    public var postcode: String?
    public var region: String?
    public var country: String?

    public init(line1: String? = nil, line2: String? = nil, city: String? = nil, postcode: String? = nil, region: String? = nil, country: String? = nil) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.postcode = postcode
        self.region = region
        self.country = country
    }

    func validated(defaultCountry: String?, into check: inout IssueCollector) -> PostalAddress? {
        let line1 = check.text(line1, field: "address.line1", required: true)
        let line2 = check.text(line2, field: "address.line2")
        let city = check.text(city, field: "address.city", required: true, maxLength: 100)
        let postcode = check.text(postcode, field: "address.postcode", maxLength: 12)
        let region = check.text(region, field: "address.region", maxLength: 100)
        let country = PersonRules.country(country ?? defaultCountry, field: "address.country", into: &check)
        if country == nil && (self.country ?? defaultCountry) == nil { check.add(.required("address.country")) }
        guard let line1, let city, let country else { return nil }
        return PostalAddress(line1: line1, line2: line2, city: city, postcode: postcode, region: region, country: country)
    }
}
