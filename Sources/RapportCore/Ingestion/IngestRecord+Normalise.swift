import Foundation

extension IngestRecord {
    /// Checks the record against the rules and what `touchpoint` may supply, and brings
    /// every value to standard form — names trimmed (diacritics kept; people are matched
    /// on folded names by the store), e-mails lower-cased, phones in E.164, dates checked,
    /// addresses standardised for their country. Returns every issue at once otherwise:
    /// the reasons a record goes to quarantine.
    public func normalised(for touchpoint: Touchpoint, ids: IDGenerator, now: Date) -> Result<NormalisedRecord, DomainError> {
        var check = IssueCollector()
        if !touchpoint.allowedAttributes.isEmpty {
            for name in suppliedAttributes where !touchpoint.allowedAttributes.contains(name) {
                let field = TouchpointAttribute(rawValue: name) == .postal ? "address" : TouchpointAttribute(rawValue: name) == nil ? "attributes.\(name)" : name
                check.add(
                    FieldIssue(
                        field: field, code: "not_allowed",
                        message: "Touchpoint '\(touchpoint.name)' may not supply the attribute '\(name)'."))
            }
        }
        let country = PersonRules.country(self.country, field: "country", into: &check)
        var record = NormalisedRecord(
            givenName: check.text(givenName, field: "givenName"), familyName: check.text(familyName, field: "familyName"),
            birthDate: PersonRules.birthDate(birthDate, now: now, into: &check), gender: PersonRules.gender(gender, into: &check),
            language: PersonRules.language(language, into: &check), country: country, contactPoints: [], keys: [])
        if let external = check.text(externalID, field: "externalID", maxLength: 64) {
            record.keys.append(PersonKey(kind: .externalID, value: "\(touchpoint.id.rawValue):\(external)"))
        }
        if let card = check.text(loyaltyCard, field: "loyaltyCard", maxLength: 64) {
            let value = card.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            if value.isEmpty {
                check.add(.invalid("loyaltyCard", "loyaltyCard '\(card)' must contain letters or digits."))
            } else {
                record.keys.append(PersonKey(kind: .loyaltyCard, value: value))
            }
        }
        var contacts: [(field: String, draft: ContactPointDraft)] = []
        if let email, !email.trimmingSpaces().isEmpty {
            contacts.append((field: "email", draft: ContactPointDraft(kind: ContactKind.email.rawValue, value: email)))
        }
        if let phone, !phone.trimmingSpaces().isEmpty {
            contacts.append((field: "phone", draft: ContactPointDraft(kind: ContactKind.phone.rawValue, value: phone)))
        }
        if let address {
            contacts.append((field: "address", draft: ContactPointDraft(kind: ContactKind.postal.rawValue, address: address)))
        }
        for (field, draft) in contacts {
            do {
                let point = try draft.validated(
                    id: ids.make(), personID: nil, organisationID: nil, defaultCountry: country, now: now)
                var sourced = point
                sourced.sourceID = touchpoint.id
                record.contactPoints.append(sourced)
                if point.kind == .email { record.keys.append(PersonKey(kind: .email, value: point.normalized)) }
                if point.kind == .phone { record.keys.append(PersonKey(kind: .phone, value: point.normalized)) }
            } catch {
                if case .invalid(let issues)? = (error as Any) as? DomainError {
                    // The draft names the value `value`; the record names it by its own field.
                    issues.forEach { check.add(FieldIssue(field: $0.field == "value" ? field : $0.field, code: $0.code, message: $0.message.replacingOccurrences(of: "value '", with: "\(field) '"))) }
                }
            }
        }
        if check.issues.isEmpty && !record.canCreatePerson && record.keys.isEmpty {
            check.add(
                FieldIssue(
                    field: "familyName", code: "required",
                    message: "A record needs a name (givenName or familyName) or a key to match on (externalID, loyaltyCard, email or phone)."))
        }
        if !check.issues.isEmpty { return .failure(.invalid(check.issues)) }
        return .success(record)
    }
}
