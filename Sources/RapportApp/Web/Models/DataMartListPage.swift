import Foundation
import RapportCore
import RapportStore

/// The `/marts` page: the marts with their download links, and the form.
struct DataMartListPage {
    let chrome: PageChrome
    let marts: [Row]
    let form: FormView
    let canExport: Bool

    struct Row {
        let key: String
        let name: String
        let description: String
        let rules: String
        let parts: [Part]
    }

    struct Part { let key: String; let part: String }

    /// The form as typed: checkboxes are `include_<part>` fields (a form sends each once).
    struct Form {
        var key = ""
        var name = ""
        var description = ""
        var rules = ""
        var includes: Set<DataMartPart> = []
        var count: Int?
        var problems: [SegmentPreviewView.ErrorRow] = []
        /// The key of the mart being changed; nil for a new one. Its key cannot change: it
        /// is what other functions' download links and scripts name.
        var editing: String?

        init() {}

        /// The form filled with a stored mart, to change it.
        init(editing mart: DataMart) {
            key = mart.key
            name = mart.name
            description = mart.description ?? ""
            rules = mart.rules
            includes = Set(mart.includes)
            editing = mart.key
        }

        init(_ fields: FormFields) {
            key = fields["key"] ?? ""
            name = fields["name"] ?? ""
            description = fields["description"] ?? ""
            rules = fields["rules"] ?? ""
            includes = Set(DataMartPart.allCases.filter { fields["include_\($0.rawValue)"] != nil })
        }

        var draft: DataMartDraft {
            DataMartDraft(
                key: key, name: name, description: description, rules: rules,
                includes: DataMartPart.allCases.filter(includes.contains).map(\.rawValue))
        }

    }

    /// The form as the template shows it (templates read stored properties only).
    struct FormView {
        let key: String
        let name: String
        let description: String
        let rules: String
        /// The include checkboxes, profiles left out (always exported).
        let options: [Option]
        let countText: String?
        let problems: [SegmentPreviewView.ErrorRow]
        let heading: String
        /// Where the form posts: `/marts` for a new mart, `/marts/KEY` for a change.
        let action: String
        let editing: Bool

        init(_ form: Form) {
            heading = form.editing.map { "Change data mart \($0)" } ?? "New data mart"
            action = form.editing.map { "/marts/\($0)" } ?? "/marts"
            editing = form.editing != nil
            key = form.key
            name = form.name
            description = form.description
            rules = form.rules
            options = DataMartPart.allCases.filter { $0 != .profiles }.map {
                Option(
                    value: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "_", with: " "),
                    checked: form.includes.contains($0))
            }
            countText = form.count.map(SegmentPreviewView.count)
            problems = form.problems
        }
    }

    struct Option { let value: String; let label: String; let checked: Bool }

    init(marts: [DataMart], form: Form, context: AppRequestContext) {
        chrome = PageChrome(title: "Data marts", active: "/marts", context: context)
        self.marts = marts.map { m in
            Row(
                key: m.key, name: m.name, description: m.description ?? "", rules: m.rules,
                parts: m.parts.map { Part(key: m.key, part: $0.rawValue) })
        }
        self.form = FormView(form)
        canExport = context.identity?.role.permissions.contains(.exportData) ?? false
    }
}
