@testable import RapportSegments

/// The schema, segments and SQL mapping the tests share: the built-in behaviour plus a
/// few runtime attributes of each type.
enum Fixtures {
    static let schema = SegmentSchema.behaviour.adding([
        .attribute(key: "favourite_game", type: .text, label: "favourite game"),
        .attribute(key: "newsletter", type: .boolean),
        .attribute(key: "shoe_size", type: .number, purpose: .analyticsOnly),
        .attribute(key: "birthday", type: .date),
        .attribute(key: "hobbies", type: .set, choices: ["chess", "hiking", "board games"]),
        .attribute(key: "income_band", type: .choice, choices: ["low", "middle", "high"], purpose: .analyticsOnly),
        SegmentField(name: "has_email", type: .boolean, label: "has an e-mail address"),
    ])

    /// 1 March 2026.
    static let today = SegmentDate(year: 2026, month: 3, day: 1)!

    static let products: SegmentSQLTemplate =
        "SELECT l.product FROM purchase_lines l JOIN purchases u ON u.id = l.purchase_id WHERE u.person_id = p.id"

    static let mapping = SegmentSQLMapping(
        columns: [
            "recency_days": .value("s.recency_days"),
            "frequency": .value("s.frequency"),
            "spend": .value("s.spend_minor", scale: 100),
            "last_purchase": .value("s.last_purchase"),
            "country": .value("p.country"),
            "city": .value("p.city"),
            "channel": .value("s.channel"),
            "p_alive": .value("v.p_alive"),
            "products": .elements(products),
            "has_email": .value("s.has_email"),
            "attr.favourite_game": .attribute(id: "attr_game", type: .text),
            "attr.newsletter": .attribute(id: "attr_news", type: .boolean),
            "attr.hobbies": .attribute(id: "attr_hobby", type: .set),
            "attr.birthday": .attribute(id: "attr_bday", type: .date),
        ],
        frozenMembership: "p.id IN (SELECT m.person_id FROM segment_members m WHERE m.segment_key = \(.element))")

    static func parse(_ text: String) throws -> SegmentRule { try SegmentRule(parsing: text) }

    static func check(
        _ text: String, for purpose: SegmentPurpose = .reporting, segments: SegmentLibrary = .empty
    ) throws -> CheckedSegmentRule {
        try schema.check(parsing: text, for: purpose, segments: segments)
    }

    /// The error checking `text` raises, or nil when it passes.
    static func error(_ text: String, for purpose: SegmentPurpose = .reporting, segments: SegmentLibrary = .empty)
        -> SegmentRuleError?
    {
        do {
            _ = try schema.check(parsing: text, for: purpose, segments: segments)
            return nil
        } catch {
            return error
        }
    }

}

extension SegmentRuleError {
    /// (line, column) for compact expectations.
    var lineColumn: [Int]? { position.map { [$0.line, $0.column] } }
}
