import Foundation
import RapportCore
import RapportLocales

/// The demo company's staff: sales reps, a sales manager, call-centre service agents and
/// store hosts in each country, one outside partner agent, a marketer and an analyst.
///
/// They become ``User``s in the first batch; the store loads them without a usable
/// password, so they appear as owners and interaction staff but cannot sign in.
struct StaffRoster: Sendable {
    struct Member: Sendable {
        let user: User
        let country: Country?
    }

    /// The people serving customers in one country.
    struct Team: Sendable {
        let salesReps: [User]
        let serviceAgents: [User]
        let hosts: [User]
    }

    let members: [Member]
    /// Teams by country, looked up once per household.
    let teams: [Country: Team]
    /// The one outside agent, who owns a small share of customers.
    let partnerAgent: User

    init(ids: IDGenerator, createdAt: Date) {
        let people: [(String, Role, Country?)] = [
            ("Emily Carter", .salesRep, .us), ("Michael Brooks", .salesManager, .us),
            ("Jessica Nguyen", .serviceAgent, .us), ("David Kim", .serviceAgent, .us),
            ("Rachel Torres", .host, .us),
            ("Katarzyna Wiśniewska", .salesRep, .pl), ("Tomasz Zieliński", .serviceAgent, .pl),
            ("Agnieszka Wójcik", .serviceAgent, .pl), ("Paweł Dąbrowski", .host, .pl),
            ("Dewi Lestari", .salesRep, .id), ("Budi Santoso", .serviceAgent, .id),
            ("Siti Rahayu", .serviceAgent, .id),
            ("Made Wirawan", .host, .id), ("Marek Jankowski", .partnerAgent, nil),
            ("Laura Bennett", .marketer, nil),
            ("Daniel Hughes", .analyst, nil),
        ]
        let built = people.map { name, role, country in
            let username = SearchText.fold(name).replacingOccurrences(of: " ", with: ".")
            let user = User(
                id: ids.make(), username: username, displayName: name, role: role, createdAt: createdAt)
            return Member(user: user, country: country)
        }
        members = built
        func staff(_ role: Role, _ country: Country) -> [User] {
            built.filter { $0.user.role == role && $0.country == country }.map(\.user)
        }
        teams = Dictionary(
            uniqueKeysWithValues: Country.allCases.map { country in
                (
                    country,
                    Team(
                        salesReps: staff(.salesRep, country), serviceAgents: staff(.serviceAgent, country),
                        hosts: staff(.host, country))
                )
            })
        partnerAgent = built.first { $0.user.role == .partnerAgent }!.user
    }

    var users: [User] { members.map(\.user) }
}
