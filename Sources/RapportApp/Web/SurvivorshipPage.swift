import Foundation
import Hummingbird
import RapportCore
import RapportIntegration
import RapportStore

/// `/admin/survivorship`: the rule in force for every attribute (and the default), a form per
/// row to change it, and a button to recompute every golden profile. Each change recomputes
/// them all and says how many changed.
struct SurvivorshipPage {
    let store: Store
    let views: WebViews

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("admin/survivorship") { _, context -> Response in
            _ = try context.actor(needing: .resolveIdentities)
            return try await page(context: context)
        }
        web.post("admin/survivorship") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: 1 << 16)))
            let attribute = fields["attribute"] ?? ""
            do {
                let setting = try Self.setting(from: fields)
                let summary = try await store.survivorship.set(setting, for: attribute, by: actor)
                let label = GoldenAttribute(rawValue: attribute)?.label ?? "Default"
                return try await page(
                    context: context, message: "\(label): \(setting.rule.label). " + Self.report(summary))
            } catch let error as DomainError {
                guard case .invalid(let issues) = error else { throw error }
                return try await page(
                    context: context, errors: issues.map { "\($0.field): \($0.message)" }, status: .unprocessableContent)
            }
        }
        web.post("admin/survivorship/recompute") { _, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let summary = try await store.survivorship.recompute(by: actor)
            return try await page(context: context, message: Self.report(summary))
        }
    }

    static func report(_ summary: RecomputeSummary) -> String {
        "Recomputed \(summary.profiles) golden profiles; \(summary.changed) changed."
    }

    /// The setting a row's form sends: `rule`, `comparison` and the `ignoreEmpty` checkbox.
    static func setting(from fields: FormFields) throws(DomainError) -> AttributeSurvivorship {
        var issues: [FieldIssue] = []
        let rule = SurvivorshipRule(rawValue: fields["rule"] ?? "")
        if rule == nil {
            let rules = SurvivorshipRule.allCases.map(\.rawValue).joined(separator: ", ")
            issues.append(.invalid("rule", "Choose one of: \(rules)."))
        }
        let comparison = ValueComparison(rawValue: fields["comparison"] ?? ValueComparison.folded.rawValue)
        if comparison == nil {
            let comparisons = ValueComparison.allCases.map(\.rawValue).joined(separator: ", ")
            issues.append(.invalid("comparison", "Choose one of: \(comparisons)."))
        }
        guard let rule, let comparison else { throw .invalid(issues) }
        return AttributeSurvivorship(rule: rule, ignoresEmptyValues: fields["ignoreEmpty"] != nil, comparison: comparison)
    }

    private func page(
        context: AppRequestContext, message: String? = nil, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let policy = try await store.survivorship.policy()
        let rows =
            [SurvivorshipPageModel.Row(key: "default", label: "Default", setting: policy.defaultSetting, own: true)]
            + GoldenAttribute.allCases.map { attribute in
                SurvivorshipPageModel.Row(
                    key: attribute.rawValue, label: attribute.label, setting: policy.setting(for: attribute.rawValue),
                    own: policy.attributes[attribute.rawValue] != nil)
            }
        let model = SurvivorshipPageModel(
            chrome: PageChrome(title: "Survivorship", active: "/admin/survivorship", context: context), rows: rows,
            message: message, errors: errors, hasErrors: !errors.isEmpty)
        return views.page("survivorship", model, status: status)
    }
}

/// The survivorship admin page: one row per attribute with its setting and the choices.
struct SurvivorshipPageModel {
    let chrome: PageChrome
    let rows: [Row]
    let message: String?
    let errors: [String]
    let hasErrors: Bool

    struct Row {
        let key: String
        let label: String
        let rule: String
        let ignoresEmpty: Bool
        /// False when the attribute follows the default.
        let own: Bool
        let rules: [Choice]
        let comparisons: [Choice]

        init(key: String, label: String, setting: AttributeSurvivorship, own: Bool) {
            self.key = key
            self.label = label
            rule = setting.rule.label
            ignoresEmpty = setting.ignoresEmptyValues
            self.own = own
            rules = SurvivorshipRule.allCases.map {
                Choice(value: $0.rawValue, label: $0.label, selected: $0 == setting.rule)
            }
            comparisons = ValueComparison.allCases.map {
                Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == setting.comparison)
            }
        }
    }

    struct Choice {
        let value: String
        let label: String
        let selected: Bool
    }
}
