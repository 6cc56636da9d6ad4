import Foundation
import Hummingbird
import RapportCore
import RapportIntegration
import RapportStore

/// `/admin/import`: a CSV file into a touchpoint, with a column mapping pasted or uploaded,
/// through the same pipeline as `rapport import` (see ``CSVImport``). The form posts as
/// `multipart/form-data`, so it works without JavaScript; uploads are limited to
/// ``MultipartForm/uploadLimit`` (50 MiB) and held in memory while they are imported —
/// larger files go through the command line, which streams them from disk.
struct ImportPage {
    let store: Store
    let views: WebViews

    static let exampleMapping = """
        {"columns": {"Imię": "givenName", "Nazwisko": "familyName", "E-mail": "email", "Nr klienta": "externalID"},
         "encoding": "auto", "delimiter": ",", "dateFormat": "yyyy-mm-dd"}
        """

    struct Model {
        let chrome: PageChrome
        let touchpoints: [Option]
        let mapping: String
        let limit = "50 MiB"
        let error: String?
        let summary: Summary?
        struct Option { let id: String; let name: String; let selected: Bool }
        struct Summary {
            let file: String
            let touchpoint: String
            let rows, matched, created, quarantined: Int
            let encoding: String?
            let stopped: String?
            let problems: [Problem]
            /// Quarantined rows beyond the listed problems; nil when there are none.
            let more: Int?
            var hasQuarantined: Bool { quarantined > 0 }
        }
        struct Problem { let line: Int; let reasons: String }
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("admin/import") { _, context -> Response in
            _ = try context.actor(needing: .manageTouchpoints)
            return try await render(context, selected: nil, mapping: Self.exampleMapping)
        }
        web.post("admin/import") { request, context -> Response in
            let actor = try context.actor(needing: .manageTouchpoints)
            var request = request
            let body = try await request.collectBody(upTo: MultipartForm.uploadLimit + (64 << 10))
            guard let boundary = MultipartForm.boundary(in: request.headers[.contentType]) else {
                return try await render(context, selected: nil, mapping: Self.exampleMapping, error: "Send the form as multipart/form-data.")
            }
            let form = MultipartForm(body.readableBytesView, boundary: boundary)
            let selected = form["touchpoint"]?.text
            let uploadedMapping = form["mappingFile"].flatMap { $0.bytes.isEmpty ? nil : $0.text }
            let mappingText = uploadedMapping ?? form["mapping"]?.text ?? ""
            func failure(_ message: String) async throws -> Response {
                try await render(context, selected: selected, mapping: mappingText, error: message, status: .unprocessableContent)
            }
            guard let touchpoint = try await store.sources.list().first(where: { $0.id.rawValue == selected }) else {
                return try await failure("Choose a touchpoint.")
            }
            guard let file = form["file"], !file.bytes.isEmpty else { return try await failure("Choose a CSV file to import.") }
            let mapping: ImportMapping
            do {
                mapping = try ImportMapping(json: Array(mappingText.utf8))
            } catch let error as ImportMappingError {
                return try await failure(error.description)
            }
            let name = file.filename.flatMap { $0.isEmpty ? nil : $0 } ?? "upload.csv"
            do {
                let summary = try await store.csvImport.run(.bytes(file.bytes), name: name, mapping: mapping, into: touchpoint, by: actor)
                return try await render(
                    context, selected: selected, mapping: mappingText,
                    summary: Self.summary(summary, file: name, touchpoint: touchpoint.name))
            } catch let error as CSVImportError {
                return try await failure("\(name): \(error.description)")
            }
        }
    }

    private func render(
        _ context: AppRequestContext, selected: String?, mapping: String, error: String? = nil, summary: Model.Summary? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let options = try await store.sources.list().map { Model.Option(id: $0.id.rawValue, name: $0.name, selected: $0.id.rawValue == selected) }
        let chrome = PageChrome(title: "Import", active: "/admin/import", context: context)
        return views.page(
            "import", Model(chrome: chrome, touchpoints: options, mapping: mapping, error: error, summary: summary), status: status)
    }

    static func summary(_ summary: ImportSummary, file: String, touchpoint: String) -> Model.Summary {
        Model.Summary(
            file: file, touchpoint: touchpoint, rows: summary.rows, matched: summary.matched, created: summary.created,
            quarantined: summary.quarantined, encoding: summary.encoding, stopped: summary.stopped,
            problems: summary.problems.map { Model.Problem(line: $0.line, reasons: $0.reasons.joined(separator: "; ")) },
            more: summary.quarantined > summary.problems.count ? summary.quarantined - summary.problems.count : nil)
    }
}
