import Foundation
import RapportCore
import RapportStore

/// The start page: totals and the channel mix.
struct DashboardModel {
    let chrome: PageChrome
    let stats: [Stat]
    let channelChart: String
    let hasInteractions: Bool

    struct Stat {
        let label: String
        let value: String
    }

    static func build(store: Store, context: AppRequestContext) async throws -> DashboardModel {
        let overview = try await Overview.read(from: store.database)
        let stats = [
            Stat(label: "People", value: grouped(overview.people)), Stat(label: "Households", value: grouped(overview.households)),
            Stat(label: "Organisations", value: grouped(overview.organisations)), Stat(label: "Purchases", value: grouped(overview.purchases)),
            Stat(label: "Interactions", value: grouped(overview.interactions)),
        ]
        let chart = BarChart(
            title: "Interactions by channel", bars: overview.channelMix.map { .init(label: ChannelLabel.of($0.channel), value: Double($0.count)) })
        return DashboardModel(
            chrome: PageChrome(title: "Dashboard", active: "/", context: context), stats: stats, channelChart: chart.svg,
            hasInteractions: overview.interactions > 0)
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append("\u{202F}") }
            result.append(digit)
        }
        return result
    }
}

/// Channel names for people.
enum ChannelLabel {
    static func of(_ channel: Channel) -> String {
        switch channel {
        case .phone: "Phone"
        case .email: "E-mail"
        case .web: "Web"
        case .mail: "Mail"
        case .inPerson: "In person"
        case .social: "Social"
        case .sms: "SMS"
        case .chat: "Chat"
        }
    }
}
