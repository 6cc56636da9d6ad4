import RapportCore

/// Builds one person's contact points, all from the source they came through.
struct ContactPoints {
    let person: PersonID
    let source: SourceID
    let createdDay: Int
    let ids: IDGenerator

    func email(_ address: String) -> ContactPoint {
        ContactPoint(
            id: ids.make(), personID: person, kind: .email, value: address, normalized: address,
            label: "personal",
            isPrimary: true, sourceID: source, createdAt: DemoCalendar.instant(day: createdDay))
    }

    func phone(_ number: PhoneNumber, label: String, primary: Bool = true) -> ContactPoint {
        ContactPoint(
            id: ids.make(), personID: person, kind: .phone, value: number.formatted,
            normalized: number.e164, label: label,
            isPrimary: primary, sourceID: source, createdAt: DemoCalendar.instant(day: createdDay))
    }

    /// A postal address valid from `from` (nil: since before records began) until `to`
    /// (nil: still current). A current address after a move is recorded on the move day.
    func postal(_ residence: Residence, from: Int?, to: Int?, primary: Bool) -> ContactPoint {
        ContactPoint(
            id: ids.make(), personID: person, kind: .postal, value: residence.value,
            normalized: residence.key,
            label: "home", address: residence.address, validFrom: from.map(DemoCalendar.date),
            validTo: to.map(DemoCalendar.date),
            isPrimary: primary, sourceID: source,
            createdAt: DemoCalendar.instant(day: max(createdDay, from ?? createdDay)))
    }
}
