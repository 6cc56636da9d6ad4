import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/admin/quarantine`: the open quarantine items with their reasons, newest first, for
/// administrators to correct (through the API) or discard.
struct QuarantinePage {
    let store: Store
    let views: WebViews

    struct Model {
        let chrome: PageChrome
        let items: [Row]
        let nextCursor: String?
        struct Row { let id: String; let at: String; let touchpoint: String; let rawRecordID: String; let reasons: [Reason]; let payload: String }
        struct Reason { let field: String; let message: String }
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("admin/quarantine") { request, context -> Response in
            let actor = try context.actor(needing: .manageTouchpoints)
            let params = try ListParameters(request)
            let page = try await store.quarantine.list(source: nil, status: .open, cursor: params.cursor, limit: 100, by: actor)
            let names = Dictionary(uniqueKeysWithValues: try await store.sources.list().map { ($0.id, $0.name) })
            let rows = page.items.map { item in
                Model.Row(
                    id: item.id.rawValue, at: Timestamp.format(item.createdAt).prefix(19).replacingOccurrences(of: "T", with: " "),
                    touchpoint: names[item.sourceID] ?? item.sourceID.rawValue, rawRecordID: item.rawRecordID.rawValue,
                    reasons: item.reasons.map { Model.Reason(field: $0.field, message: $0.message) },
                    payload: item.payload.count > 300 ? String(item.payload.prefix(300)) + "…" : item.payload)
            }
            return views.page(
                "quarantine",
                Model(chrome: PageChrome(title: "Quarantine", active: "/admin/quarantine", context: context), items: rows, nextCursor: page.nextCursor))
        }
    }
}
