extension CheckedSegmentRule {
    /// Whether one person belongs to the segment, in memory: used to keep a dynamic segment
    /// current when that person's data changes.
    ///
    /// The answer is the SQL compilation's answer for the same data. Conditions follow SQL's
    /// three-valued logic: a comparison with an unknown value is unknown, `not unknown` is
    /// unknown, and only a rule that is true selects the person — so `not (country = "PL")`
    /// leaves out people whose country is unknown. Membership of a sub-segment is always
    /// true or false. Text compares exactly (Unicode scalars, case-sensitive), as SQL does.
    public func matches(_ subject: SegmentSubject, today: SegmentDate) -> Bool {
        resolved.truth(for: subject, today: today) == true
    }
}

extension ResolvedRule {
    /// True, false or unknown (nil), by Kleene's three-valued logic.
    func truth(for subject: SegmentSubject, today: SegmentDate) -> Bool? {
        switch self {
        case .and(let rules):
            var unknown = false
            for rule in rules {
                switch rule.truth(for: subject, today: today) {
                case false?: return false
                case nil: unknown = true
                case true?: continue
                }
            }
            return unknown ? nil : true
        case .or(let rules):
            var unknown = false
            for rule in rules {
                switch rule.truth(for: subject, today: today) {
                case true?: return true
                case nil: unknown = true
                case false?: continue
                }
            }
            return unknown ? nil : false
        case .not(let rule):
            return rule.truth(for: subject, today: today).map { !$0 }
        case .condition(let field, let condition, _):
            let test = ConditionTest(field: field, value: subject[field.name], today: today)
            return test.truth(condition.test)
        case .dynamicSegment(_, let rule):
            return rule.truth(for: subject, today: today) == true
        case .frozenSegment(let site):
            return subject.frozenSegments.contains(site.key)
        }
    }
}

/// One field's value put to one test.
private struct ConditionTest {
    let field: SegmentField
    let value: SegmentSubjectValue?
    let today: SegmentDate

    func truth(_ test: SegmentTest) -> Bool? {
        switch test {
        case .isEmpty: return isEmpty
        case .isNotEmpty: return !isEmpty
        case .isTrue: return value?.boolean
        case .contains(let v): return contains([v], all: false)
        case .containsAny(let vs): return contains(vs, all: false)
        case .containsAll(let vs): return contains(vs, all: true)
        case .compare(.equal, let v): return equals(v)
        case .compare(.notEqual, let v): return equals(v).map { !$0 }
        case .compare(let op, let v):
            guard let order = order(v) else { return nil }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        case .oneOf(let vs): return oneOf(vs)
        case .noneOf(let vs): return oneOf(vs).map { !$0 }
        case .between(let low, let high):
            guard let above = order(low), let below = order(high) else { return nil }
            return above >= 0 && below <= 0
        }
    }

    private var isEmpty: Bool {
        switch field.type {
        case .text, .choice: (value?.text ?? "").isEmpty
        case .set: (value?.set ?? []).isEmpty
        case .number, .money: value?.number == nil
        case .date: value?.date == nil
        case .boolean: value?.boolean == nil
        }
    }

    private func contains(_ literals: [SegmentLiteral], all: Bool) -> Bool {
        let held = value?.set ?? []
        let found = literals.map { literal in held.contains { Self.same($0, literal.textValue) } }
        return all ? found.allSatisfy { $0 } : found.contains(true)
    }

    private func oneOf(_ literals: [SegmentLiteral]) -> Bool? {
        var unknown = false
        for literal in literals {
            switch equals(literal) {
            case true?: return true
            case nil: unknown = true
            case false?: continue
            }
        }
        return unknown ? nil : false
    }

    private func equals(_ literal: SegmentLiteral) -> Bool? {
        switch field.type {
        case .boolean:
            guard let b = value?.boolean, case .boolean(let expected) = literal else { return nil }
            return b == expected
        case .text, .choice:
            return value?.text.map { Self.same($0, literal.textValue) }
        default:
            return order(literal).map { $0 == 0 }
        }
    }

    /// The sign of (value − literal) for numbers and dates; nil when the value is unknown.
    private func order(_ literal: SegmentLiteral) -> Int? {
        switch (field.type, literal) {
        case (.date, _):
            guard let date = value?.date, let bound = literal.dateValue(today: today) else { return nil }
            return date == bound ? 0 : date < bound ? -1 : 1
        case (_, .number(let bound)):
            guard let n = value?.number else { return nil }
            return n == bound ? 0 : n < bound ? -1 : 1
        default:
            return nil
        }
    }

    /// Equality as SQL sees it: the same Unicode scalars, not Swift's canonical equivalence.
    static func same(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }
}

extension SegmentLiteral {
    /// The text of a text literal; other literals never reach text tests after checking.
    var textValue: String { if case .text(let s) = self { s } else { text } }

    /// A date literal as a calendar day, relative ones counted back from `today`.
    func dateValue(today: SegmentDate) -> SegmentDate? {
        switch self {
        case .date(let d): d
        case .relativeDate(let r): r.resolved(today: today)
        default: nil
        }
    }
}
