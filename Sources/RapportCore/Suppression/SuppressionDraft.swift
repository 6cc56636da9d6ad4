import Foundation

/// A suppression as a client sends it: `reason` is one of ``SuppressionReason``'s raw
/// values, `note` is required for `other`, `until` is an optional `YYYY-MM-DD` day after
/// which the suppression no longer applies, and `contactPointID` narrows it to one point.
public struct SuppressionDraft: Codable, Sendable, Equatable {
    public var reason: String?
    public var note: String?
    public var until: String?
    public var contactPointID: String?

    public init(reason: String? = nil, note: String? = nil, until: String? = nil, contactPointID: String? = nil) {
        self.reason = reason
        self.note = note
        self.until = until
        self.contactPointID = contactPointID
    }

    /// The checked fields, every problem at once. An until-day must lie after `today`.
    public func validated(today: LocalDate = LocalDate(Date())) throws(DomainError) -> Validated {
        var check = IssueCollector()
        var parsedReason: SuppressionReason?
        if let text = reason?.trimmingSpaces(), !text.isEmpty {
            parsedReason = SuppressionReason(rawValue: text)
            if parsedReason == nil {
                check.add(.unknown("reason", value: text, allowed: SuppressionReason.allCases.map(\.rawValue)))
            }
        } else {
            check.add(.required("reason"))
        }
        let note = check.text(note, field: "note", maxLength: 500)
        if parsedReason == .other, note == nil {
            check.add(.invalid("note", "note is required when the reason is 'other': say why."))
        }
        let day = DateRules.day(until?.trimmingSpaces(), field: "until", into: &check)
        if let day, day <= today {
            check.add(.outOfRange("until", "until \(day) must be after today (\(today))."))
        }
        var point: ContactPointID?
        if let text = contactPointID?.trimmingSpaces(), !text.isEmpty {
            point = ContactPointID(parsing: text)
            if point == nil { check.add(.invalid("contactPointID", "contactPointID '\(text)' is not a contact point ID.")) }
        }
        try check.check()
        return Validated(reason: parsedReason!, note: note, until: day, contactPointID: point)
    }

    /// A draft's fields after checking.
    public struct Validated: Sendable, Equatable {
        public var reason: SuppressionReason
        public var note: String?
        public var until: LocalDate?
        public var contactPointID: ContactPointID?

        public init(reason: SuppressionReason, note: String? = nil, until: LocalDate? = nil,
                    contactPointID: ContactPointID? = nil) {
            self.reason = reason
            self.note = note
            self.until = until
            self.contactPointID = contactPointID
        }
    }
}
