import Foundation
import RapportCore
import RapportSegments
import RapportStore

/// `/segments`: every saved segment.
struct SegmentListPage {
    let chrome: PageChrome
    let segments: [Row]
    let canManage: Bool

    struct Row {
        let key: String
        let name: String
        let purpose: String
        let kind: String
        let rule: String
    }

    init(segments: [Segment], context: AppRequestContext) {
        chrome = PageChrome(title: "Segments", active: "/segments", context: context)
        self.segments = segments.map {
            Row(
                key: $0.key, name: $0.name, purpose: $0.purpose.rawValue, kind: $0.kind.rawValue,
                rule: $0.ruleText ?? "")
        }
        canManage = context.identity?.role.permissions.contains(.manageSegments) ?? false
    }
}

/// `/segments/{key}`: one segment, its rule in words, its size now and a page of members.
struct SegmentDetailPage {
    let chrome: PageChrome
    let key: String
    let name: String
    let description: String?
    let purpose: String
    let kind: String
    let isDynamic: Bool
    let frozenFrom: String?
    let rule: String?
    let explanation: [String]
    let size: String
    let members: [Member]
    let nextCursor: String?
    let canManage: Bool
    /// The segment's value, for roles that read analytics.
    let value: SegmentValueSection?

    struct Member {
        let id: String
        let name: String
        let country: String
    }

    init(
        segment: Segment, schema: SegmentSchema, size: Int, members: Page<Person>, value: SegmentValueSection?,
        context: AppRequestContext
    ) {
        self.value = value
        chrome = PageChrome(title: segment.name, active: "/segments", context: context)
        key = segment.key
        name = segment.name
        description = segment.description
        purpose = segment.purpose.rawValue
        kind = segment.kind.rawValue
        isDynamic = segment.kind == .dynamic
        frozenFrom = segment.frozenFrom
        rule = segment.ruleText
        explanation = segment.rule?.explain(in: schema) ?? []
        self.size = SegmentPreviewView.count(size)
        self.members = members.items.map { Member(id: $0.id.rawValue, name: $0.displayName, country: $0.country ?? "") }
        nextCursor = members.nextCursor
        canManage = context.identity?.role.permissions.contains(.manageSegments) ?? false
    }
}

/// `/segments/new` and `/segments/{key}/edit`: the rule editor with live size and value.
struct SegmentBuilderPage {
    let chrome: PageChrome
    let isNew: Bool
    let action: String
    let key: String
    let name: String
    let description: String
    let rule: String
    let contact: Bool
    let reporting: Bool
    let preview: SegmentPreviewView?
    let fields: [FieldHelp]

    struct FieldHelp {
        let name: String
        let label: String
        let type: String
        let analyticsOnly: Bool
        let summary: String
    }

    /// What the form holds; a new segment's key is typed, an existing one's is fixed.
    struct Form {
        var key = ""
        var name = ""
        var description = ""
        var rule = ""
        var purpose = Segment.Purpose.contact

        init() {}

        init(_ fields: FormFields) {
            key = (fields["key"] ?? "").trimmingSpaces()
            name = fields["name"] ?? ""
            description = fields["description"] ?? ""
            rule = fields["rule"] ?? ""
            purpose = Segment.Purpose(rawValue: fields["purpose"] ?? "") ?? .contact
        }

        init(_ segment: Segment) {
            key = segment.key
            name = segment.name
            description = segment.description ?? ""
            rule = segment.ruleText ?? ""
            purpose = segment.purpose
        }
    }

    init(form: Form, isNew: Bool, preview: SegmentPreviewView?, schema: SegmentSchema, context: AppRequestContext) {
        chrome = PageChrome(title: isNew ? "New segment" : "Edit \(form.name)", active: "/segments", context: context)
        self.isNew = isNew
        action = isNew ? "/segments/new" : "/segments/\(form.key)/edit"
        key = form.key
        name = form.name
        description = form.description
        rule = form.rule
        contact = form.purpose == .contact
        reporting = form.purpose == .reporting
        self.preview = preview
        fields = schema.fields.map {
            FieldHelp(
                name: $0.name, label: $0.label,
                type: $0.type.phrase + ($0.choices.isEmpty ? "" : ": " + $0.choices.joined(separator: ", ")),
                analyticsOnly: $0.purpose == .analyticsOnly, summary: $0.summary)
        }
    }
}
