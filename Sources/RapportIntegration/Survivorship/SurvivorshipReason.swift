import Foundation
import RapportCore

/// The one-line reason shown next to a golden value, worded from what actually separated the
/// winner from the runner-up (the first rival with a different value, or — when every source
/// agrees — the next source).
struct SurvivorshipReason {
    let rule: SurvivorshipRule
    let winner: Survivorship.Contender
    let runnerUp: Survivorship.Contender?
    let decidedBy: SurvivorshipCriterion?
    /// Candidates considered (one per source).
    let total: Int
    let allAgree: Bool

    var text: String {
        guard let runnerUp, let decidedBy else {
            if winner.members.count == 1 { return "Only \(ranked(winner.representative)) supplied a value." }
            return "All \(total) sources agree (\(names(winner)))."
        }
        if rule == .majority { return majority(runnerUp, decidedBy) }
        let sentence = single(winner.representative, runnerUp.representative, decidedBy)
        return allAgree ? sentence + " All \(total) sources agree." : sentence
    }

    private func single(_ w: SurvivorshipCandidate, _ r: SurvivorshipCandidate, _ decidedBy: SurvivorshipCriterion)
        -> String
    {
        let sameTime =
            "\(w.source.name) and \(r.source.name) were observed at the same time (\(Self.moments(w.observedAt, r.observedAt).0))"
        let byID = "the tie goes to \(w.source.name), first in source ID order."
        let newer = "\(w.source.name)'s value is newer (\(Self.against(w.observedAt, r.observedAt)))."
        let trusted = "\(w.source.name) is more trusted (trust \(w.source.trustRank) against \(r.source.trustRank))."
        switch (rule, decidedBy) {
        case (.trustedSource, .trustRank):
            return "\(ranked(w)) outranks \(ranked(r))."
        case (.trustedSource, .recency):
            return "\(w.source.name) and \(r.source.name) share trust \(w.source.trustRank); " + newer
        case (.mostRecent, .recency):
            return
                "\(w.source.name)'s value is the most recent (\(Self.against(w.observedAt, r.observedAt)) from \(r.source.name))."
        case (.mostRecent, .trustRank):
            return sameTime + "; " + trusted
        case (.mostComplete, .completeness):
            return "\(w.source.name)'s value is the most complete (\(w.completeness) letters and digits against "
                + "\(r.completeness) from \(r.source.name))."
        case (.mostComplete, .trustRank):
            return
                "\(w.source.name) and \(r.source.name) give equally complete values (\(w.completeness) letters and digits); "
                + trusted
        case (.mostComplete, .recency):
            return
                "\(w.source.name) and \(r.source.name) give equally complete values (\(w.completeness) letters and digits) "
                + "and share trust \(w.source.trustRank); " + newer
        case (.mostComplete, _):
            return
                "\(w.source.name) and \(r.source.name) give equally complete values, share trust \(w.source.trustRank) "
                + "and were observed at the same time; " + byID
        default:
            return sameTime + " and share trust \(w.source.trustRank); " + byID
        }
    }

    private func majority(_ r: Survivorship.Contender, _ decidedBy: SurvivorshipCriterion) -> String {
        let support = winner.members.count
        if decidedBy == .support {
            return "\(support) of \(total) sources agree (\(names(winner)))."
        }
        let tie =
            support == 1
            ? "No two of \(total) sources agree; "
            : "\(support) of \(total) sources agree on this value and \(r.members.count) on \(r.representative.quoted); "
        switch decidedBy {
        case .trustRank:
            return tie + "the tie goes to the most trusted source, \(winner.representative.source.name) "
                + "(trust \(winner.representative.source.trustRank) against \(r.representative.source.trustRank))."
        case .recency:
            return tie + "the tie goes to the value observed most recently (\(Self.against(winner.latest, r.latest)))."
        default:
            return tie + "the tie goes to the value first in alphabetical order."
        }
    }

    private func ranked(_ candidate: SurvivorshipCandidate) -> String {
        "\(candidate.source.name) (trust \(candidate.source.trustRank))"
    }

    private func names(_ contender: Survivorship.Contender) -> String {
        contender.members.map(\.source.name).joined(separator: ", ")
    }

    /// "No source supplied a value (2 empty values ignored; 1 from a source not allowed to supply it)."
    static func nothingSupplied(excluded: [ExcludedObservation]) -> String {
        let empty = excluded.count { $0.reason == .empty }
        let notAllowed = excluded.count { $0.reason == .notAllowed }
        var notes: [String] = []
        if empty > 0 { notes.append(empty == 1 ? "1 empty value ignored" : "\(empty) empty values ignored") }
        if notAllowed > 0 {
            notes.append("\(notAllowed) from \(notAllowed == 1 ? "a source" : "sources") not allowed to supply it")
        }
        return "No source supplied a value" + (notes.isEmpty ? "." : " (" + notes.joined(separator: "; ") + ").")
    }

    /// "2025-03-04 against 2025-01-10"; with the time (UTC) when both fall on one day.
    static func against(_ a: Date, _ b: Date) -> String {
        let (x, y) = moments(a, b)
        return "\(x) against \(y)"
    }

    /// Two instants as short as still tells them apart: the day, else the minute, else the second.
    static func moments(_ a: Date, _ b: Date) -> (String, String) {
        let x = Timestamp.format(a)
        let y = Timestamp.format(b)
        for length in [10, 16, 19] where x.prefix(length) != y.prefix(length) || length == 19 {
            func cut(_ text: String) -> String {
                length == 10
                    ? String(text.prefix(10)) : text.prefix(length).replacingOccurrences(of: "T", with: " ") + " UTC"
            }
            return (cut(x), cut(y))
        }
        return (x, y)
    }
}
