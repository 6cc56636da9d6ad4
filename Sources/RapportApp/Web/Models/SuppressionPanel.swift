import Foundation
import RapportCore
import RapportStore

/// The suppressions card of the 360 (R1.10): every suppression, current and lifted, with a
/// lift button on current ones and a form to add one — both only for `people:suppress`.
struct SuppressionPanel {
    let personID: String
    let rows: [Row]
    let canSuppress: Bool
    let points: [PointOption]
    let reasons: [String]
    /// The problems of a form that came back, by field.
    var problems: [FieldIssue] = []

    struct Row {
        let id: String
        let target: String
        let reason: String
        let note: String
        let until: String
        let created: String
        let lifted: String?
        let current: Bool
    }

    struct PointOption { let id: String; let label: String }

    init(view: CustomerView, canSuppress: Bool, today: LocalDate = LocalDate(Date())) {
        personID = view.person.id.rawValue
        self.canSuppress = canSuppress
        let points = Dictionary(view.contactPoints.map { ($0.id, "\($0.kind.rawValue) \($0.value)") }, uniquingKeysWith: { a, _ in a })
        rows = view.suppressions.map { s in
            Row(
                id: s.id.rawValue, target: s.contactPointID.map { points[$0] ?? $0.rawValue } ?? "whole person",
                reason: s.reason.label, note: s.note ?? "", until: s.until.map { "until \($0)" } ?? "",
                created: "\(LocalDate(s.createdAt)) by \(s.createdBy)",
                lifted: s.liftedAt.map { "lifted \(LocalDate($0)) by \(s.liftedBy ?? "")" }, current: s.isCurrent(on: today))
        }
        self.points = view.contactPoints.filter { $0.isCurrent(on: today) }.map {
            PointOption(id: $0.id.rawValue, label: "\($0.kind.rawValue) \($0.value)")
        }
        reasons = SuppressionReason.allCases.map(\.rawValue)
    }
}

extension CustomerPageModel {
    /// "Suppressed: deceased" for the newest current person-wide suppression, or for a
    /// suppressed status a source supplied; nil while the person may be contacted.
    static func suppressionBadge(_ status: PersonStatus, _ suppressions: [Suppression], on day: LocalDate) -> String? {
        if let stop = ContactGate.personStop(in: suppressions, on: day) { return "Suppressed: \(stop.reason.label)" }
        guard status != .active else { return nil }
        let reason = status.rawValue.hasPrefix("suppressed_") ? String(status.rawValue.dropFirst("suppressed_".count)) : status.rawValue
        return "Suppressed: " + reason.replacingOccurrences(of: "_", with: " ")
    }
}
