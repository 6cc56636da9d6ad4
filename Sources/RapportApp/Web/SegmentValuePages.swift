import Foundation
import Hummingbird
import RapportCore
import RapportStore
import RapportValue

/// Lifetime value assumptions from the web UI (R4.2): a segment's own, on its page
/// (`segments:manage`), and the default with everyone's value drivers on `/value`
/// (`analytics:read` to look, `value:manage` to change).
struct SegmentValuePages {
    let store: Store
    let views: WebViews
    let segmentPages: SegmentPages

    func register(on web: RouterGroup<AppRequestContext>) {
        web.post("segments/:key/value-assumptions") { request, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            let key = try context.parameters.require("key")
            do {
                let assumptions = try ValueAssumptionsForm.parse(try await Self.fields(request))
                _ = try await store.lifetimeValues.assumptions.set(assumptions, forSegment: key, by: actor)
            } catch let DomainError.invalid(issues) {
                return try await segmentPages.detail(key, cursor: nil, actor: actor, context: context, formErrors: issues)
            }
            return Response(status: .seeOther, headers: [.location: "/segments/\(key)#value"])
        }
        web.post("segments/:key/value-assumptions/reset") { _, context -> Response in
            let actor = try context.actor(needing: .manageSegments)
            let key = try context.parameters.require("key")
            try await store.lifetimeValues.assumptions.reset(forSegment: key, by: actor)
            return Response(status: .seeOther, headers: [.location: "/segments/\(key)#value"])
        }
        web.get("value") { _, context -> Response in
            try await page(actor: try context.actor(needing: .readAnalytics), context: context)
        }
        web.post("value/assumptions") { request, context -> Response in
            let actor = try context.actor(needing: .manageValueModels)
            do {
                let assumptions = try ValueAssumptionsForm.parse(try await Self.fields(request))
                _ = try await store.lifetimeValues.assumptions.set(assumptions, forSegment: nil, by: actor)
            } catch let DomainError.invalid(issues) {
                return try await page(actor: actor, context: context, errors: issues)
            }
            return Response(status: .seeOther, headers: [.location: "/value"])
        }
    }

    private func page(actor: Actor, context: AppRequestContext, errors: [FieldIssue] = []) async throws -> Response {
        let setting = try await store.lifetimeValues.assumptions.standing()
        let page = LifetimeValuePage(
            cards: try await store.lifetimeValues.everyone(by: actor).map(ValueViews.Card.init),
            form: ValueAssumptionsForm(
                setting: setting, action: "/value/assumptions", canEdit: actor.can(.manageValueModels), errors: errors),
            context: context)
        return views.page("value", page, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private static func fields(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: 1 << 16)))
    }
}

/// `/value`: everyone's value drivers and lifetime value per currency, and the default
/// assumptions behind every segment and person without their own.
struct LifetimeValuePage {
    let chrome: PageChrome
    let cards: [ValueViews.Card]
    let form: ValueAssumptionsForm
    let hasData: Bool

    init(cards: [ValueViews.Card], form: ValueAssumptionsForm, context: AppRequestContext) {
        chrome = PageChrome(title: "Lifetime value", active: "/value", context: context)
        self.cards = cards
        self.form = form
        hasData = !cards.isEmpty
    }
}

/// The value part of a segment's page.
struct SegmentValueSection {
    let historic: [ValueViews.HistoricRow]
    let cards: [ValueViews.Card]
    let form: ValueAssumptionsForm
    let ownAssumptions: Bool
    let resetAction: String

    init(_ value: LifetimeValues.SegmentValue, canEdit: Bool, errors: [FieldIssue]) {
        historic = ValueViews.historic(value.historic)
        cards = value.currencies.map(ValueViews.Card.init)
        ownAssumptions = value.assumptions.segment != nil
        form = ValueAssumptionsForm(
            setting: value.assumptions, action: "/segments/\(value.key)/value-assumptions", canEdit: canEdit, errors: errors)
        resetAction = "/segments/\(value.key)/value-assumptions/reset"
    }
}
