import Foundation
import RapportCore
import SQLKit

/// An offer or action that fits one person now, with the segment that made it fit.
public struct PersonOffer: Sendable, Equatable {
    public var offer: Offer
    /// The segment the person is in that the offer targets.
    public var segment: SegmentMembership

    public init(offer: Offer, segment: SegmentMembership) {
        self.offer = offer
        self.segment = segment
    }
}

/// Segments of one (R3.4): the offers and actions that fit one person, evaluated on the
/// current data like the segments themselves.
extension OfferRepository {
    /// The active offers valid on `today` whose segment holds the person now, by priority,
    /// then by value (largest first, offers without a value last), then by key. Values are
    /// compared in minor units, which only orders them meaningfully within one currency.
    ///
    /// Partner agents get not-found for people not assigned to them, as for the person's
    /// segments. An offer whose segment has since become a reporting segment is left out:
    /// reporting segments never personalise a contact. Records the read.
    public func offers(for personID: PersonID, by actor: Actor, today: LocalDate = LocalDate(Date())) async throws
        -> [PersonOffer]
    {
        try await Visibility.requirePerson(personID, visibleTo: actor, on: database.sql)
        let day = today.description
        let available = try await database.sql.raw(
            """
            SELECT * FROM offers WHERE active = 1 AND (valid_from IS NULL OR valid_from <= \(bind: day))
              AND (valid_to IS NULL OR valid_to >= \(bind: day))
            """
        ).all().map(Self.offer(from:))
        var fitting: [PersonOffer] = []
        if !available.isEmpty {
            // One query tests the person against every targeted segment at once.
            let memberships = try await segments.memberships(
                of: personID, among: Set(available.map(\.segmentKey)), today: today)
            let contact = Dictionary(
                memberships.filter { $0.purpose == .contact }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            fitting = available.compactMap { offer in
                contact[offer.segmentKey].map { PersonOffer(offer: offer, segment: $0) }
            }
            fitting.sort(by: Self.shownBefore)
        }
        try await audit.read(
            entityType: "person", entityID: personID.rawValue, detail: "offers: \(fitting.count)", by: actor)
        return fitting
    }

    static func shownBefore(_ a: PersonOffer, _ b: PersonOffer) -> Bool {
        let (x, y) = (a.offer, b.offer)
        if x.priority != y.priority { return x.priority < y.priority }
        let (vx, vy) = (x.value?.minorUnits ?? -1, y.value?.minorUnits ?? -1)
        if vx != vy { return vx > vy }
        return x.key < y.key
    }
}
