/// May this person, or this contact point, be contacted at all? — the one place the rule
/// lives in the domain (R1.10 elimination, the first step toward R2's single contact gate).
///
/// Today the gate knows two things: the person's `status` (a status a source supplied,
/// such as `suppressed_deceased`, or `merged` for a record folded into another) and the
/// current ``Suppression``s made in Rapport. Consent (R2) is meant to extend this type and
/// its SQL twin in the store (`ContactGateSQL`), never to add a second check elsewhere:
/// every contact list, offer and data mart asks these two and nothing else.
public enum ContactGate {
    /// True when the person may be contacted on `day`: their status is active and no
    /// person-wide suppression (any reason) is current. A suppression of one contact point
    /// does not stop the person; it only stops that point (``mayUse(_:of:on:)``).
    public static func mayContact(status: PersonStatus, suppressions: [Suppression], on day: LocalDate) -> Bool {
        status == .active && !suppressions.contains { $0.contactPointID == nil && $0.isCurrent(on: day) }
    }

    /// True when `point` may be used on `day`: the person may be contacted and no current
    /// suppression names this point.
    public static func mayUse(
        _ point: ContactPointID, status: PersonStatus, suppressions: [Suppression], on day: LocalDate
    ) -> Bool {
        mayContact(status: status, suppressions: suppressions, on: day)
            && !suppressions.contains { $0.contactPointID == point && $0.isCurrent(on: day) }
    }

    /// The current suppression that stops the person as a whole on `day`, newest first: what
    /// the 360 badge names.
    public static func personStop(in suppressions: [Suppression], on day: LocalDate) -> Suppression? {
        suppressions.filter { $0.contactPointID == nil && $0.isCurrent(on: day) }.max { $0.createdAt < $1.createdAt }
    }

    /// The contact points stopped on `day` (undeliverable or otherwise suppressed one by one).
    public static func stoppedPoints(in suppressions: [Suppression], on day: LocalDate) -> Set<ContactPointID> {
        Set(suppressions.filter { $0.isCurrent(on: day) }.compactMap(\.contactPointID))
    }
}
