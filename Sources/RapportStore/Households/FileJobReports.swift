/// The summaries as the command line prints them: counts first, then every listed problem
/// by line.
extension HouseholdRebuildSummary {
    public var report: String {
        [
            "people: \(people)  households: \(households)",
            "households created: \(householdsCreated)  changed: \(householdsChanged)  dissolved: \(householdsDissolved)",
            "people moved: \(peopleMoved)  links added: \(linksAdded)  removed: \(linksRemoved)",
            "over the rule's limits (no links): \(crowdedAddresses) addresses, \(crowdedContacts) contacts",
        ].joined(separator: "\n")
    }
}

extension MoversSummary {
    public var report: String {
        var lines = [
            "rows: \(rows)  matched: \(matched)  ambiguous: \(ambiguous)  unmatched: \(unmatched)  rejected: \(rejected)",
            "people moved: \(movedPeople)  households moved: \(movedHouseholds)",
        ]
        if !ignoredColumns.isEmpty { lines.append("columns not read: " + ignoredColumns.joined(separator: ", ")) }
        lines += FileRowProblem.lines(problems, total: ambiguous + unmatched + rejected)
        if let stopped { lines.append(stopped) }
        return lines.joined(separator: "\n")
    }
}

extension EnrichmentSummary {
    public var report: String {
        var lines = [
            "rows: \(rows)  applied: \(applied)  values set: \(valuesSet)  unmatched: \(unmatched)  ambiguous: \(ambiguous)  "
                + "rejected: \(rejected)"
        ]
        lines += FileRowProblem.lines(problems, total: unmatched + ambiguous + rejected)
        if let stopped { lines.append(stopped) }
        return lines.joined(separator: "\n")
    }
}

extension FileRowProblem {
    static func lines(_ problems: [FileRowProblem], total: Int) -> [String] {
        var lines = problems.map { "line \($0.line) (\($0.status)): " + $0.reasons.joined(separator: "; ") }
        if total > problems.count { lines.append("… \(total - problems.count) more rows not applied (not listed)") }
        return lines
    }
}
