import RapportCore
import RapportLocales

/// Two years of purchases and returns before the reference day, skewed the way retail is:
/// about a fifth of customers never buy, two in five buy once, a few per cent buy every
/// month or so and carry a large share of the revenue; some stop buying after the first year.
///
/// About one purchase in twenty is followed by a return of products bought on it.
struct PurchaseHistory {
    let country: Country
    let sources: DemoSources
    let referenceDay: Int
    let historyStartDay: Int

    /// Purchases per customer never exceed this, which bounds the identifiers per household.
    static let maximumPurchases = 36

    /// About a fifth never buy, two in five once, a few per cent every month or so.
    private static let counts = Weighted([
        (0...0, 22), (1...1, 40), (2...4, 25), (5...12, 10), (13...maximumPurchases, 3),
    ])
    private static let channels = Weighted<Channel>([
        (.inPerson, 45), (.web, 36), (.phone, 12), (.mail, 4), (.chat, 2), (.social, 1),
    ])
    private static let businessChannels = Weighted<Channel>([(.phone, 40), (.email, 25), (.inPerson, 20), (.web, 15)])
    private static let lineCounts = Weighted([(1, 60), (2, 25), (3, 10), (4, 5)])
    private static let cheapQuantities = Weighted([(1, 55), (2, 25), (3, 10), (4, 10)])
    private static let quantities = Weighted([(1, 92), (2, 8)])
    /// Per cent off the list price.
    private static let discounts = Weighted([(0, 70), (5, 12), (10, 10), (20, 8)])

    var currency: String {
        switch country {
        case .us: "USD"
        case .pl: "PLN"
        case .id: "IDR"
        }
    }

    /// A private customer's purchases and returns, oldest first, none before `sinceDay`.
    func purchases(of personID: PersonID, sinceDay: Int, ids: IDGenerator, _ random: inout DemoRandom)
        -> [Purchase]
    {
        let count = Self.counts.draw(&random)
        let purchases = random.int(count)
        guard purchases > 0 else { return [] }
        let first = max(historyStartDay, sinceDay)
        let last =
            count.lowerBound >= 2 && random.chance(25)
            ? max(first, referenceDay - random.int(300...700)) : referenceDay - 1
        let days = (0..<purchases).map { _ in random.int(first...last) }.sorted()
        var result: [Purchase] = []
        for day in days {
            let channel = Self.channels.draw(&random)
            let lines = (0..<Self.lineCounts.draw(&random)).map { _ in
                line(Products.all[random.pick(Products.weightedIndices)], quantity: nil, &random)
            }
            let purchase = make(
                kind: .purchase, person: personID, organisation: nil, channel: channel, day: day,
                lines: lines, ids: ids, &random)
            result.append(purchase)
            if random.chance(5), day + 3 < referenceDay {
                result.append(returned(from: purchase, ids: ids, &random))
            }
        }
        return result
    }

    /// An organisation's orders: larger quantities through sales staff or the web shop.
    func purchases(of organisationID: OrganisationID, ids: IDGenerator, _ random: inout DemoRandom)
        -> [Purchase]
    {
        (0..<random.int(0...6)).map { _ in random.int(historyStartDay...(referenceDay - 1)) }.sorted()
            .map { day in
                let lines = (0..<random.int(1...4)).map { _ in
                    line(
                        Products.all[random.pick(Products.weightedIndices)], quantity: random.int(5...60),
                        &random)
                }
                let channel = Self.businessChannels.draw(&random)
                return make(
                    kind: .purchase, person: nil, organisation: organisationID, channel: channel, day: day,
                    lines: lines, ids: ids, &random)
            }
    }

    /// One product line at the country's price, sometimes discounted, margin 10–45 %.
    func line(_ product: Product, quantity: Int?, _ random: inout DemoRandom) -> PurchaseLine {
        let cheap = product.priceCents < 2_000
        let quantity =
            quantity
            ?? (cheap
                ? Self.cheapQuantities.draw(&random) : Self.quantities.draw(&random))
        let discount = Self.discounts.draw(&random)
        var unit = product.price(in: country) * Int64(100 - discount) / 100
        if country == .id { unit = unit / 100 * 100 }
        let amount = unit * Int64(quantity)
        let marginPercent = min(45, max(10, product.marginPercent - discount / 2 + random.int(-4...4)))
        return PurchaseLine(
            product: product.name, brand: product.brand, quantity: quantity,
            amount: Money(minorUnits: amount, currency: currency),
            margin: Money(minorUnits: amount * Int64(marginPercent) / 100, currency: currency))
    }

    /// A return of part of `purchase` a few days to a month later: one of its lines, some or
    /// all of the units, amount and margin in proportion.
    private func returned(from purchase: Purchase, ids: IDGenerator, _ random: inout DemoRandom)
        -> Purchase
    {
        let original = random.pick(purchase.lines)
        let units = random.int(1...original.quantity)
        let amount = original.amount.minorUnits * Int64(units) / Int64(original.quantity)
        let margin = original.margin.minorUnits * Int64(units) / Int64(original.quantity)
        let line = PurchaseLine(
            product: original.product, brand: original.brand, quantity: units,
            amount: Money(minorUnits: amount, currency: currency),
            margin: Money(minorUnits: margin, currency: currency))
        let day = Int(purchase.occurredAt.timeIntervalSince1970) / 86_400
        let returnDay = min(referenceDay - 1, day + random.int(3...30))
        let channel = purchase.channel == .inPerson || random.chance(50) ? Channel.inPerson : .mail
        return make(
            kind: .return, person: purchase.personID, organisation: nil, channel: channel, day: returnDay,
            lines: [line], ids: ids, &random)
    }

    private func make(
        kind: PurchaseKind, person: PersonID?, organisation: OrganisationID?, channel: Channel,
        day: Int, lines: [PurchaseLine],
        ids: IDGenerator, _ random: inout DemoRandom
    ) -> Purchase {
        let total = lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let margin = lines.reduce(Int64(0)) { $0 + $1.margin.minorUnits }
        let prefix = kind == .return ? "RET" : Self.referencePrefix(channel)
        return Purchase(
            id: ids.make(), personID: person, organisationID: organisation, kind: kind, channel: channel,
            occurredAt: DemoCalendar.instant(day: day, second: DemoCalendar.businessSecond(&random)),
            total: Money(minorUnits: total, currency: currency),
            margin: Money(minorUnits: margin, currency: currency),
            reference: "\(prefix)-\(country.rawValue)-\(random.digits(8))",
            sourceID: sources.source(for: channel).id, lines: lines)
    }

    private static func referencePrefix(_ channel: Channel) -> String {
        switch channel {
        case .inPerson: "POS"
        case .web, .chat, .social, .sms: "WEB"
        case .phone, .email: "CC"
        case .mail: "MO"
        }
    }
}
