import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/organisations` and `/organisations/{id}`: the account, its people and roles, its
/// resellers and subsidiaries, and its purchases.
struct OrganisationPages {
    let store: Store
    let views: WebViews

    struct ListPage {
        let chrome: PageChrome
        let query: String
        let organisations: [Row]
        struct Row { let id: String; let name: String; let kind: String; let country: String }
    }

    struct DetailPage {
        let chrome: PageChrome
        let id: String
        let name: String
        let kind: String
        let facts: [CustomerPageModel.Fact]
        let people: [PersonRow]
        let resellers: [ListPage.Row]
        let children: [ListPage.Row]
        let purchases: [CustomerPageModel.PurchaseRow]
        /// Historic value per currency of the purchases made for the organisation (R4.1).
        let value: [ValueViews.HistoricRow]
        struct PersonRow { let id: String; let name: String; let roles: String }
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("organisations") { request, context -> Response in
            _ = try context.actor(needing: .readOrganisations)
            let params = try ListParameters(request)
            let page = try await store.organisations.list(text: params["q"], kind: nil, cursor: params.cursor, limit: 50)
            return views.page(
                "organisations",
                ListPage(
                    chrome: PageChrome(title: "Organisations", active: "/organisations", context: context), query: params["q"] ?? "",
                    organisations: page.items.map(Self.row)))
        }
        web.get("organisations/:id") { request, context -> Response in
            let actor = try context.actor(needing: .readOrganisations)
            let organisation = try await store.organisations.find(try request.pathID(context, entity: "organisation"))
            let related = try await store.organisations.related(to: organisation.id)
            var people: [DetailPage.PersonRow] = []
            if actor.can(.readPeople) {
                let members = try await store.people.list(
                    PersonFilter(organisationID: organisation.id), order: ListOrder(column: "search_family", descending: false),
                    cursor: nil, limit: 100, by: actor)
                people = members.items.map { DetailPage.PersonRow(id: $0.id.rawValue, name: $0.displayName, roles: "") }
            }
            var purchases: [CustomerPageModel.PurchaseRow] = []
            var value: [ValueViews.HistoricRow] = []
            if actor.can(.readActivity) {
                value = ValueViews.historic(try await store.organisations.value(of: organisation.id, by: actor))
                let page = try await store.purchases.list(personID: nil, organisationID: organisation.id, kind: nil, cursor: nil, limit: 25, by: actor)
                purchases = page.items.map { p in
                    .init(
                        date: LocalDate(p.occurredAt).description, kind: p.kind.rawValue, isReturn: p.kind == .return,
                        reference: p.reference ?? "", total: p.total.formatted, margin: p.margin.formatted,
                        items: p.lines.map { "\($0.quantity) × \($0.product)" }.joined(separator: ", "), channel: p.channel.map(ChannelLabel.of) ?? "")
                }
            }
            var facts = [CustomerPageModel.Fact(label: "Organisation ID", value: organisation.id.rawValue)]
            if let country = organisation.country { facts.append(.init(label: "Country", value: country)) }
            if let number = organisation.registrationNumber { facts.append(.init(label: "Registration number", value: number)) }
            for (label, reference) in [("Part of", organisation.parentID), ("Resells for", organisation.resellerOfID)] {
                if let reference, let other = try? await store.organisations.find(reference) {
                    facts.append(.init(label: label, value: other.name))
                }
            }
            return views.page(
                "organisation",
                DetailPage(
                    chrome: PageChrome(title: organisation.name, active: "/organisations", context: context), id: organisation.id.rawValue,
                    name: organisation.name, kind: organisation.kind.rawValue, facts: facts, people: people,
                    resellers: related.resellers.map(Self.row), children: related.children.map(Self.row), purchases: purchases,
                    value: value))
        }
    }

    static func row(_ o: Organisation) -> ListPage.Row {
        .init(id: o.id.rawValue, name: o.name, kind: o.kind.rawValue, country: o.country ?? "")
    }
}

/// `/analytics` (aggregates for analysts and marketers) and `/admin/audit` (the audit trail
/// for administrators and privacy officers).
struct AdminPages {
    let store: Store
    let views: WebViews

    struct AuditPage {
        let chrome: PageChrome
        let entityID: String
        let actorName: String
        let entries: [Row]
        let nextBefore: String?
        struct Row { let at: String; let actor: String; let action: String; let entity: String; let entityID: String; let detail: String; let isPerson: Bool }
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("analytics") { _, context -> Response in
            _ = try context.actor(needing: .readAnalytics)
            return views.page("analytics", try await AnalyticsModel.build(store: store, context: context))
        }
        web.get("admin/audit") { request, context -> Response in
            _ = try context.actor(needing: .readAudit)
            let params = try ListParameters(request)
            let entries = try await store.audit.list(entityID: params["entityID"], actorName: params["actor"], before: params["before"], limit: 100)
            let rows = entries.map {
                AuditPage.Row(
                    at: Timestamp.format($0.at).prefix(19).replacingOccurrences(of: "T", with: " "), actor: $0.actorName,
                    action: $0.action.rawValue, entity: $0.entityType, entityID: $0.entityID, detail: $0.detail ?? "",
                    isPerson: $0.entityType == "person" && $0.entityID != "*")
            }
            return views.page(
                "audit",
                AuditPage(
                    chrome: PageChrome(title: "Audit log", active: "/admin/audit", context: context), entityID: params["entityID"] ?? "",
                    actorName: params["actor"] ?? "", entries: rows, nextBefore: entries.count == 100 ? entries.last?.id.rawValue : nil))
        }
    }
}
