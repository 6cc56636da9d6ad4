extension SegmentSchema {
    /// Checks a rule: fields, operators, literal types and choices, sub-segments (which must
    /// exist and not loop) and, for `.contact`, purpose limitation. Throws the first problem
    /// in reading order; `problems(in:…)` lists them all.
    ///
    /// - Parameters:
    ///   - segments: the saved segments `in segment "key"` may name.
    ///   - definingKey: the key of the segment this rule is being saved as, so a rule that
    ///     comes back to it through other segments is caught as a cycle.
    public func check(
        _ rule: SegmentRule, for purpose: SegmentPurpose, segments: SegmentLibrary = .empty,
        definingKey: String? = nil
    ) throws(SegmentRuleError) -> CheckedSegmentRule {
        var checker = SegmentChecker(schema: self, segments: segments, purpose: purpose)
        if let definingKey { checker.stack = [definingKey] }
        let resolved = checker.resolve(rule, path: "")
        guard let resolved, checker.problems.isEmpty else {
            throw checker.problems.first ?? SegmentRuleError(.syntax, "The rule could not be checked.")
        }
        return CheckedSegmentRule(rule: rule, purpose: purpose, resolved: resolved)
    }

    /// Parses and checks rule text in one step.
    public func check(
        parsing text: String, for purpose: SegmentPurpose, segments: SegmentLibrary = .empty,
        definingKey: String? = nil
    ) throws(SegmentRuleError) -> CheckedSegmentRule {
        try check(SegmentRule(parsing: text), for: purpose, segments: segments, definingKey: definingKey)
    }

    /// Every problem of a rule, in reading order, for the segment builder to mark at once.
    public func problems(
        in rule: SegmentRule, for purpose: SegmentPurpose, segments: SegmentLibrary = .empty,
        definingKey: String? = nil
    ) -> [SegmentRuleError] {
        var checker = SegmentChecker(schema: self, segments: segments, purpose: purpose)
        if let definingKey { checker.stack = [definingKey] }
        _ = checker.resolve(rule, path: "")
        return checker.problems
    }

    /// Checks a saved segment's definition under its own key and purpose; nil for a frozen segment.
    public func check(_ definition: SegmentDefinition, segments: SegmentLibrary) throws(SegmentRuleError)
        -> CheckedSegmentRule?
    {
        guard case .dynamic(let rule) = definition.kind else { return nil }
        return try check(rule, for: definition.purpose, segments: segments, definingKey: definition.key)
    }
}

/// Walks a rule, looking up fields and segments, and collects every problem.
struct SegmentChecker {
    let schema: SegmentSchema
    let segments: SegmentLibrary
    let purpose: SegmentPurpose
    /// Keys of the segments being resolved, outermost first, to catch cycles.
    var stack: [String] = []
    var problems: [SegmentRuleError] = []
    /// Sub-segments already resolved (they resolve the same wherever they are named).
    private var resolvedSegments: [String: Result<ResolvedRule, SegmentRuleError>] = [:]

    init(schema: SegmentSchema, segments: SegmentLibrary, purpose: SegmentPurpose) {
        self.schema = schema
        self.segments = segments
        self.purpose = purpose
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    mutating func resolve(_ rule: SegmentRule, path: String) -> ResolvedRule? {
        switch rule {
        case .and(let rules, let at), .or(let rules, let at):
            let name = if case .and = rule { "and" } else { "or" }
            guard !rules.isEmpty else {
                problems.append(
                    SegmentRuleError(
                        .invalidValue, "An '\(name)' group needs at least one rule.", position: at, path: path))
                return nil
            }
            let children = rules.enumerated().map { resolve($1, path: Self.join(path, "\(name)[\($0)]")) }
            let resolved = children.compactMap { $0 }
            guard resolved.count == children.count else { return nil }
            return name == "and" ? .and(resolved) : .or(resolved)
        case .not(let inner, _):
            return resolve(inner, path: Self.join(path, "not")).map(ResolvedRule.not)
        case .segment(let key, let at):
            return reference(key, position: at, path: Self.join(path, "segment"))
        case .condition(let condition):
            return resolve(condition, path: path)
        }
    }

    private mutating func reference(_ key: String, position: SourcePosition?, path: String) -> ResolvedRule? {
        guard let definition = segments[key] else {
            let hint = Suggestion.hint(Suggestion.closest(to: key, among: segments.keys))
            problems.append(
                SegmentRuleError(.unknownSegment, "Unknown segment '\(key)'\(hint)", position: position, path: path))
            return nil
        }
        let site = SegmentReferenceSite(key: key, purpose: definition.purpose, position: position, path: path)
        if let loopStart = stack.firstIndex(of: key) {
            let loop = (stack[loopStart...] + [key]).joined(separator: " → ")
            problems.append(
                SegmentRuleError(
                    .segmentCycle, "Segments refer to each other in a loop: \(loop); remove one of these references.",
                    position: position, path: path))
            return nil
        }
        if purpose == .contact, definition.purpose == .reporting {
            problems.append(.reportingSegment(site))
            return nil
        }
        guard case .dynamic(let rule) = definition.kind else { return .frozenSegment(site) }
        let inner: Result<ResolvedRule, SegmentRuleError>
        if let known = resolvedSegments[key] {
            inner = known
        } else {
            let outerProblems = problems
            problems = []
            stack.append(key)
            let resolved = resolve(rule, path: "")
            stack.removeLast()
            if let first = problems.first {
                inner = .failure(first)
            } else if let resolved {
                inner = .success(resolved)
            } else {
                inner = .failure(SegmentRuleError(.syntax, "Segment '\(key)' could not be checked."))
            }
            problems = outerProblems
            // A cycle depends on the path taken, so only clean results are reused.
            if case .success = inner { resolvedSegments[key] = inner }
        }
        switch inner {
        case .success(let resolved):
            return .dynamicSegment(site, resolved)
        case .failure(let error):
            problems.append(error.wrapped(in: site))
            return nil
        }
    }
}
