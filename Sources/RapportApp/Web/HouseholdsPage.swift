import Foundation
import Hummingbird
import RapportCore
import RapportIntegration
import RapportStore

/// `/admin/households`: the household rule and its rebuild (R1.8), a movers file upload
/// (R1.6) and an enrichment file upload (R1.9), each form showing its result on the page.
/// Data stewardship: `identity:resolve`. The same services as `rapport households rebuild`,
/// `rapport movers` and `rapport enrich`; uploads up to ``MultipartForm/uploadLimit``.
struct HouseholdsPage {
    let store: Store
    let views: WebViews

    struct Model {
        let chrome: PageChrome
        let rule: HouseholdRuleDraft
        let sharing: [Option]
        let touchpoints: [Option]
        let limit = "50 MiB"
        var error: String?
        var result: Result?
        struct Option {
            let value: String
            let label: String
            let selected: Bool
        }
        struct Result {
            let title: String
            let facts: [Fact]
            let problems: [Problem]
            let more: Int?
        }
        struct Fact {
            let label: String
            let value: String
        }
        struct Problem {
            let line: Int
            let status: String
            let reasons: String
        }
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("admin/households") { _, context -> Response in
            _ = try context.actor(needing: .resolveIdentities)
            return try await render(context)
        }
        web.post("admin/households/rule") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let form = try await Self.form(request)
            let draft = HouseholdRuleDraft(
                linksSameAddressAndFamilyName: form["linksSameAddressAndFamilyName"] != nil,
                linksSameAddressAlone: form["linksSameAddressAlone"] != nil,
                sharedContacts: form["sharedContacts"]?.text,
                maximumPeoplePerAddress: Int(form["maximumPeoplePerAddress"]?.text ?? ""),
                maximumPeoplePerContact: Int(form["maximumPeoplePerContact"]?.text ?? ""))
            do {
                try await store.householdRules.set(draft, by: actor)
            } catch let error as DomainError {
                return try await render(
                    context, rule: draft, error: Self.describe(error), status: .unprocessableContent)
            }
            return try await render(context, result: .init(title: "Rule saved", facts: [], problems: [], more: nil))
        }
        web.post("admin/households/rebuild") { _, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            return try await render(context, result: Self.result(try await store.householdRebuild.run(by: actor)))
        }
        web.post("admin/households/movers") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let form = try await Self.form(request)
            guard let file = form["file"], !file.bytes.isEmpty else {
                return try await render(context, error: "Choose a movers file.", status: .unprocessableContent)
            }
            let name = file.filename.flatMap { $0.isEmpty ? nil : $0 } ?? "movers.csv"
            do {
                let options = try FileJobParameters.moversOptions(
                    [
                        "effectiveDateColumn": form["effectiveDateColumn"]?.text ?? "",
                        "dateFormat": form["dateFormat"]?.text ?? "",
                    ])
                let source = try await store.movers.source(named: nil, by: actor)
                let summary = try await store.movers.run(
                    .bytes(file.bytes), name: name, options: options, source: source, by: actor)
                return try await render(context, result: Self.result(summary, file: name))
            } catch let error as CSVImportError {
                return try await render(context, error: "\(name): \(error.description)", status: .unprocessableContent)
            } catch let error as DomainError {
                return try await render(
                    context, error: "\(name): \(Self.describe(error))", status: .unprocessableContent)
            }
        }
        web.post("admin/households/enrich") { request, context -> Response in
            let actor = try context.actor(needing: .resolveIdentities)
            let form = try await Self.form(request)
            guard let file = form["file"], !file.bytes.isEmpty else {
                return try await render(context, error: "Choose an enrichment file.", status: .unprocessableContent)
            }
            let name = file.filename.flatMap { $0.isEmpty ? nil : $0 } ?? "enrichment.csv"
            do {
                let mapping = try FileJobParameters.mapping(form["mapping"]?.text)
                let source = try await FileJobParameters.touchpoint(
                    form["touchpoint"]?.text, field: "touchpoint", in: store)
                let column = form["personIDColumn"]?.text.trimmingSpaces()
                let summary = try await store.enrichment.run(
                    .bytes(file.bytes), name: name, mapping: mapping,
                    personIDColumn: column?.isEmpty == false ? column : nil,
                    source: source, by: actor)
                return try await render(context, result: Self.result(summary, file: name, source: source.name))
            } catch let error as CSVImportError {
                return try await render(context, error: "\(name): \(error.description)", status: .unprocessableContent)
            } catch let error as DomainError {
                return try await render(
                    context, error: "\(name): \(Self.describe(error))", status: .unprocessableContent)
            }
        }
    }

    private static func form(_ request: Request) async throws -> MultipartForm {
        var request = request
        let body = try await request.collectBody(upTo: MultipartForm.uploadLimit + (64 << 10))
        guard let boundary = MultipartForm.boundary(in: request.headers[.contentType]) else {
            throw DomainError.invalid([
                FieldIssue(field: "body", code: "not_multipart", message: "Send the form as multipart/form-data.")
            ])
        }
        return MultipartForm(body.readableBytesView, boundary: boundary)
    }

    private func render(
        _ context: AppRequestContext, rule: HouseholdRuleDraft? = nil, error: String? = nil,
        result: Model.Result? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var shown = rule
        if shown == nil { shown = try await store.householdRules.current().draft }
        let sharing = ["anywhere", "same_address", "never"].map {
            Model.Option(
                value: $0, label: $0.replacingOccurrences(of: "_", with: " "), selected: $0 == shown?.sharedContacts)
        }
        let touchpoints = try await store.sources.list().map {
            Model.Option(value: $0.id.rawValue, label: $0.name, selected: false)
        }
        let chrome = PageChrome(title: "Households", active: "/admin/households", context: context)
        let model = Model(
            chrome: chrome, rule: shown ?? HouseholdRule.standard.draft, sharing: sharing, touchpoints: touchpoints,
            error: error, result: result)
        return views.page("households", model, status: status)
    }

    static func describe(_ error: DomainError) -> String {
        if case .invalid(let issues) = error {
            return issues.map { "\($0.field): \($0.message)" }.joined(separator: " ")
        }
        return error.message
    }

    static func result(_ s: HouseholdRebuildSummary) -> Model.Result {
        let facts: [(String, Int)] = [
            ("People", s.people), ("Households", s.households), ("Households created", s.householdsCreated),
            ("Households changed", s.householdsChanged), ("Households dissolved", s.householdsDissolved),
            ("People moved", s.peopleMoved), ("Links added", s.linksAdded), ("Links removed", s.linksRemoved),
            ("Crowded addresses (no links)", s.crowdedAddresses), ("Crowded contacts (no links)", s.crowdedContacts),
        ]
        return .init(
            title: "Households rebuilt", facts: facts.map { .init(label: $0.0, value: String($0.1)) }, problems: [],
            more: nil)
    }

    static func result(_ s: MoversSummary, file: String) -> Model.Result {
        var facts: [(String, String)] = [
            ("Rows", "\(s.rows)"), ("Matched", "\(s.matched)"), ("People moved", "\(s.movedPeople)"),
            ("Households moved", "\(s.movedHouseholds)"), ("Ambiguous", "\(s.ambiguous)"),
            ("Unmatched", "\(s.unmatched)"),
            ("Rejected", "\(s.rejected)"),
        ]
        if !s.ignoredColumns.isEmpty { facts.append(("Columns not read", s.ignoredColumns.joined(separator: ", "))) }
        if let stopped = s.stopped { facts.append(("Stopped", stopped)) }
        return .init(
            title: "Movers file \(file)", facts: facts.map { .init(label: $0.0, value: $0.1) },
            problems: problems(s.problems),
            more: more(s.problems, total: s.ambiguous + s.unmatched + s.rejected))
    }

    static func result(_ s: EnrichmentSummary, file: String, source: String) -> Model.Result {
        var facts: [(String, String)] = [
            ("Rows", "\(s.rows)"), ("Applied", "\(s.applied)"), ("Values set", "\(s.valuesSet)"),
            ("Unmatched", "\(s.unmatched)"), ("Ambiguous", "\(s.ambiguous)"), ("Rejected", "\(s.rejected)"),
        ]
        if let stopped = s.stopped { facts.append(("Stopped", stopped)) }
        return .init(
            title: "Enrichment file \(file) from \(source)", facts: facts.map { .init(label: $0.0, value: $0.1) },
            problems: problems(s.problems), more: more(s.problems, total: s.unmatched + s.ambiguous + s.rejected))
    }

    private static func problems(_ list: [FileRowProblem]) -> [Model.Problem] {
        list.map {
            .init(
                line: $0.line, status: $0.status.replacingOccurrences(of: "_", with: " "),
                reasons: $0.reasons.joined(separator: "; "))
        }
    }

    private static func more(_ list: [FileRowProblem], total: Int) -> Int? {
        total > list.count ? total - list.count : nil
    }
}
