import RapportCore
import RapportSegments

/// Where each rule field lives in SQL, for a query over `people p LEFT JOIN customer_metrics m`
/// (see ``SegmentQuery``).
///
/// Behaviour comes from the person's ``CustomerMetrics`` row (a person without activity has
/// none: counts and spend are then 0, dates and channels unknown); places from `people` and
/// the current postal address; products and brands from the purchase lines; model outputs
/// from `value_scores` and `rfm_scores`; runtime attributes from `attribute_values`. Every value is bound.
enum SegmentColumns {
    /// The mapping for rules evaluated on `today`, with the value tiers of that moment.
    static func mapping(attributes: [AttributeDefinition], today: SegmentDate, tiers: ValueTiers) -> SegmentSQLMapping {
        var columns: [String: SegmentColumn] = [
            "recency_days": .value("(\(bind: .integer(Int64(today.dayNumber))) - m.last_day)"),
            "frequency": .value("COALESCE(m.purchases, 0)"),
            "spend": .value("COALESCE(m.spend_minor, 0)", scale: 100),
            "average_order": .value(
                "(CASE WHEN m.orders > 0 THEN CAST(m.spend_minor AS DOUBLE PRECISION) / m.orders END)", scale: 100),
            "first_purchase": .value("m.first_purchase"),
            "last_purchase": .value("m.last_purchase"),
            "visit_minutes": .value("m.visit_minutes"),
            "country": .value("p.country"),
            "city": .value(address("city", today: today)),
            "postcode": .value(address("postcode", today: today)),
            "channel": .value("m.channel"),
            "channels": .delimitedText("m.channels", separator: CustomerMetrics.channelSeparator),
            "products": .elements(lines("product")),
            "brands": .elements(lines("brand")),
            "value_tier": .value(tiers.expression),
            "rfm_segment": .value(
                SegmentSQLTemplate(parts: [
                    .sql("(SELECT r.segment FROM rfm_scores r WHERE r.person_id = p.id AND r.currency = m.currency)")
                ])),
            "p_alive": .value(score("p_alive")),
            "clv": .value(score("clv_minor"), scale: 100),
        ]
        for attribute in attributes {
            columns[SegmentField.attributePrefix + attribute.key] = .attribute(
                id: attribute.id.rawValue, type: SegmentCatalogue.field(attribute).type, person: "p.id")
        }
        return SegmentSQLMapping(
            columns: columns,
            frozenMembership:
                "p.id IN (SELECT sm.person_id FROM segment_members sm JOIN segments sg ON sg.id = sm.segment_id WHERE sg.key = \(.element))"
        )
    }

    /// A part of the person's current postal address, the primary one first.
    private static func address(_ column: String, today: SegmentDate) -> SegmentSQLTemplate {
        SegmentSQLTemplate(parts: [
            .sql(
                "(SELECT c.\(column) FROM contact_points c WHERE c.person_id = p.id AND c.kind = 'postal' "
                    + "AND (c.valid_to IS NULL OR c.valid_to > "),
            .bind(.text(today.description)),
            .sql(") ORDER BY c.is_primary DESC, c.created_at DESC LIMIT 1)"),
        ])
    }

    /// The products or brands of the person's purchases (returns do not count).
    private static func lines(_ column: String) -> SegmentSQLTemplate {
        SegmentSQLTemplate(parts: [
            .sql(
                "SELECT l.\(column) FROM purchase_lines l JOIN purchases u ON u.id = l.purchase_id "
                    + "WHERE u.person_id = p.id AND u.kind = 'purchase' AND l.\(column) IS NOT NULL")
        ])
    }

    /// A value model output for the person's main currency.
    private static func score(_ column: String) -> SegmentSQLTemplate {
        SegmentSQLTemplate(parts: [
            .sql("(SELECT vs.\(column) FROM value_scores vs WHERE vs.person_id = p.id AND vs.currency = m.currency)")
        ])
    }
}
