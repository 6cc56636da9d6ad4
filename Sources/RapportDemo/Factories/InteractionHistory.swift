import RapportCore
import RapportLocales

/// Contacts with a customer over the two years before the reference day, over the channel
/// mix the requirements cite — about 74 % phone, 16 % e-mail, the rest web forms, letters,
/// store visits, social media, text messages and chat — with the staff member who handled
/// each, its direction, outcome and a subject that fits.
struct InteractionHistory {
    let sources: DemoSources
    let team: StaffRoster.Team
    let partnerAgent: User
    let referenceDay: Int
    let historyStartDay: Int

    /// Interactions per customer never exceed this, which bounds the identifiers per household.
    static let maximumInteractions = 40

    static let baseCounts = Weighted([(0...0, 30), (1...1, 25), (2...2, 18), (3...5, 20), (6...15, 7)])

    static let channels = Weighted<Channel>([
        (.phone, 740), (.email, 160), (.web, 30), (.mail, 20), (.inPerson, 20), (.social, 10),
        (.sms, 10), (.chat, 10),
    ])

    /// A customer's interactions, oldest first. Buyers talk to the company more often;
    /// `products` (what they bought) fill in subjects; `organisation`, when the person
    /// works for a customer, is named on some of them.
    func interactions(
        of personID: PersonID, sinceDay: Int, purchases: Int, products: [String],
        organisation: OrganisationID?,
        ownedByPartner: Bool, ids: IDGenerator, _ random: inout DemoRandom
    ) -> [Interaction] {
        let base = random.int(
            Self.baseCounts.draw(&random))
        let count = min(Self.maximumInteractions, base + purchases / 3)
        guard count > 0 else { return [] }
        let first = max(historyStartDay, sinceDay)
        let days = (0..<count).map { _ in random.int(first...(referenceDay - 1)) }.sorted()
        return days.map { day in
            let channel = Self.channels.draw(&random)
            let direction = self.direction(channel, &random)
            let topic = (direction == .inbound ? Topics.inbound : Topics.outbound).draw(&random)
            let product = products.isEmpty ? random.pick(Products.all).name : random.pick(products)
            let staff = self.staff(channel, direction, ownedByPartner: ownedByPartner, &random)
            return Interaction(
                id: ids.make(), personID: personID,
                organisationID: organisation != nil && random.chance(25) ? organisation : nil,
                channel: channel, direction: direction, staffUserID: staff?.id,
                staffName: staff?.displayName,
                outcome: topic.outcomes.draw(&random), subject: topic.subject(product: product),
                occurredAt: DemoCalendar.instant(day: day, second: DemoCalendar.businessSecond(&random)),
                sourceID: source(channel).id)
        }
    }

    private func direction(_ channel: Channel, _ random: inout DemoRandom) -> Direction {
        let inboundPercent: Double =
            switch channel {
            case .phone: 65
            case .email: 60
            case .web, .chat, .social, .inPerson: 100
            case .mail: 30
            case .sms: 0
            }
        return random.chance(inboundPercent) ? .inbound : .outbound
    }

    /// Who handled it: store hosts in person, sales reps for some outbound calls, the partner
    /// agent for the customers they own, service agents otherwise; nobody for a web form.
    private func staff(
        _ channel: Channel, _ direction: Direction, ownedByPartner: Bool, _ random: inout DemoRandom
    ) -> User? {
        switch channel {
        case .web: return nil
        case .inPerson: return random.pick(team.hosts)
        default:
            if ownedByPartner && random.chance(70) { return partnerAgent }
            if direction == .outbound && random.chance(40) { return random.pick(team.salesReps) }
            return random.pick(team.serviceAgents)
        }
    }

    private func source(_ channel: Channel) -> Touchpoint {
        switch channel {
        case .phone, .email, .sms, .chat: sources.callCentre
        case .web, .social: sources.webshop
        case .inPerson: sources.stores
        case .mail: sources.mailOrder
        }
    }
}
