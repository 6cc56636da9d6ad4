/// A rule that passed `SegmentSchema.check`: every field exists and every literal fits its
/// field, sub-segments are resolved (without cycles) and the purpose is respected. Only a
/// checked rule can be evaluated or compiled to SQL.
public struct CheckedSegmentRule: Sendable, Hashable {
    /// The rule as written.
    public let rule: SegmentRule
    /// What the rule was checked for; a `.contact` rule uses no analytics-only data.
    public let purpose: SegmentPurpose
    /// Every field the rule tests, through sub-segments too, sorted: when one of them
    /// changes for a person, their membership may change.
    public let fieldNames: [String]
    /// Every segment the rule refers to, directly or through others, sorted.
    public let segmentKeys: [String]
    /// True when the rule holds a relative date (`30 days ago`, `today`): its members can
    /// change every day even with no new data.
    public let dependsOnToday: Bool

    let resolved: ResolvedRule

    init(rule: SegmentRule, purpose: SegmentPurpose, resolved: ResolvedRule) {
        self.rule = rule
        self.purpose = purpose
        self.resolved = resolved
        var fields = Set<String>()
        var segments = Set<String>()
        var relative = false
        resolved.visit { node in
            switch node {
            case .condition(let field, let condition, _):
                fields.insert(field.name)
                relative =
                    relative || condition.test.literals.contains { if case .relativeDate = $0 { true } else { false } }
            case .dynamicSegment(let reference, _), .frozenSegment(let reference):
                segments.insert(reference.key)
            default: break
            }
        }
        fieldNames = fields.sorted()
        segmentKeys = segments.sorted()
        dependsOnToday = relative
    }

    /// Every place this rule breaks purpose limitation if used for `purpose`: analytics-only
    /// fields and reporting segments, for a contact use. A violation inside a sub-segment is
    /// reported at the reference to it.
    public func purposeViolations(for purpose: SegmentPurpose) -> [SegmentRuleError] {
        purpose == .contact ? resolved.contactViolations() : []
    }

    /// This rule, checked for another use: a reporting rule may become a contact rule only
    /// when it uses no analytics-only data.
    public func checked(for purpose: SegmentPurpose) throws(SegmentRuleError) -> CheckedSegmentRule {
        if let first = purposeViolations(for: purpose).first { throw first }
        return CheckedSegmentRule(rule: rule, purpose: purpose, resolved: resolved)
    }
}

/// Where a sub-segment was named in the rule that refers to it.
struct SegmentReferenceSite: Sendable, Hashable {
    var key: String
    var purpose: SegmentPurpose
    var position: SourcePosition?
    var path: String
}

/// A checked rule with fields looked up, literals converted to their field's type (a quoted
/// ISO date becomes a date) and sub-segments inlined or marked frozen.
indirect enum ResolvedRule: Sendable, Hashable {
    case and([ResolvedRule])
    case or([ResolvedRule])
    case not(ResolvedRule)
    /// The condition keeps its positions; `path` is its place in the JSON form.
    case condition(SegmentField, SegmentCondition, path: String)
    case dynamicSegment(SegmentReferenceSite, ResolvedRule)
    case frozenSegment(SegmentReferenceSite)

    func visit(_ body: (ResolvedRule) -> Void) {
        body(self)
        switch self {
        case .and(let rules), .or(let rules):
            for rule in rules { rule.visit(body) }
        case .not(let rule), .dynamicSegment(_, let rule): rule.visit(body)
        case .condition, .frozenSegment: break
        }
    }

    /// The purpose violations of a contact use; those inside a sub-segment are reported at
    /// the reference to it.
    func contactViolations() -> [SegmentRuleError] {
        switch self {
        case .and(let rules), .or(let rules):
            return rules.flatMap { $0.contactViolations() }
        case .not(let rule):
            return rule.contactViolations()
        case .condition(let field, let condition, let path):
            guard field.purpose == .analyticsOnly else { return [] }
            let fieldPath = SegmentChecker.join(path, "field")
            return [.analyticsOnly(field.name, position: condition.positions?.field, path: fieldPath)]
        case .dynamicSegment(let site, let rule):
            if site.purpose == .reporting { return [.reportingSegment(site)] }
            return rule.contactViolations().map { $0.wrapped(in: site) }
        case .frozenSegment(let site):
            return site.purpose == .reporting ? [.reportingSegment(site)] : []
        }
    }
}

extension SegmentRuleError {
    /// An analytics-only field in a contact rule.
    static func analyticsOnly(_ field: String, position: SourcePosition?, path: String) -> SegmentRuleError {
        SegmentRuleError(
            .purpose,
            "'\(field)' is kept for analytics only and cannot select people to contact; remove this condition "
                + "or save the segment for reporting.",
            position: position, path: path, field: field)
    }

    /// A reporting segment named in a contact rule.
    static func reportingSegment(_ site: SegmentReferenceSite) -> SegmentRuleError {
        SegmentRuleError(
            .purpose,
            "Segment '\(site.key)' is for reporting only and cannot select people to contact; use a contact segment.",
            position: site.position, path: site.path)
    }

    /// A problem inside a sub-segment, reported at the reference to it.
    func wrapped(in site: SegmentReferenceSite) -> SegmentRuleError {
        SegmentRuleError(
            code, code == .segmentCycle ? message : "Segment '\(site.key)' cannot be used here: \(message)",
            position: site.position, path: site.path, field: field)
    }
}
