import RapportCore
import SQLKit

/// ``ContactGate`` as SQL: the one predicate every store query that lists people for
/// contact (contact segments, the offers that follow from them, data marts) appends.
///
/// It must say exactly what ``ContactGate/mayContact(status:suppressions:on:)`` says — an
/// active status and no current person-wide suppression — and the consent work of R2 is
/// meant to extend it here, in this one place, not beside it.
enum ContactGateSQL {
    /// `(<alias>.status = 'active' AND NOT EXISTS (current person-wide suppression))`
    /// for the people under `alias` on `day`.
    static func mayContact(alias: String, on day: LocalDate) -> SQLQueryString {
        "(\(unsafeRaw: alias).status = 'active' AND "
            + noCurrentSuppression(where: "gate.person_id = \(alias).id AND gate.contact_point_id IS NULL", on: day) + ")"
    }

    /// `NOT EXISTS (current suppression of this point)` for contact points under `alias`.
    /// It says nothing of the person: ask ``mayContact(alias:on:)`` for that.
    static func mayUsePoint(alias: String, on day: LocalDate) -> SQLQueryString {
        noCurrentSuppression(where: "gate.contact_point_id = \(alias).id", on: day)
    }

    /// `NOT EXISTS` a suppression matching `match` that is neither lifted nor past its until-day
    /// on `day` (the SQL of ``Suppression/isCurrent(on:)``).
    private static func noCurrentSuppression(where match: String, on day: LocalDate) -> SQLQueryString {
        "(NOT EXISTS (SELECT 1 FROM suppressions gate WHERE \(unsafeRaw: match) AND gate.lifted_at IS NULL"
            + " AND (gate.until_day IS NULL OR gate.until_day > \(bind: day.description))))"
    }
}
