/// # RapportSegments
///
/// The segment rule engine of Rapport (requirement R3.2): who belongs to a segment, written
/// as a rule over attributes and behaviour.
///
/// A rule is written as text (`spend >= 100 and country in ("PL", "US")`) or as JSON (the
/// HTTP API's form); both describe the same syntax tree, `SegmentRule`. The engine:
/// - parses text with positions on every node (`SegmentRule(parsing:)`) and prints canonical
///   text (`rule.text`), and reads and writes the JSON form (`Codable`);
/// - checks a rule against a `SegmentSchema` of typed fields — unknown fields, wrong literal
///   types, choices, operators, sub-segment cycles and purpose limitation (R2.8) — giving a
///   `CheckedSegmentRule` or a `SegmentRuleError` that says where and how to fix it;
/// - evaluates a checked rule against one person in memory (`matches(_:today:)`), to keep
///   dynamic segments current as one person's data changes;
/// - compiles a checked rule to an SQL `WHERE` fragment with typed binds for SQLite or
///   PostgreSQL (`sql(dialect:mapping:today:)`), never interpolating a value into SQL text;
/// - explains a rule in words for the segment builder (`explain(in:)`).
///
/// It may not touch a database, the network or the clock: "today" is always an argument.
/// Every public type is `Sendable`.
public enum RapportSegments {
    /// The version of the rule language; bump when the meaning of a rule changes.
    public static let languageVersion = 1
}
