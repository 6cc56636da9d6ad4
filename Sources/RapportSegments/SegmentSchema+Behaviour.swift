extension SegmentSchema {
    /// Channels a person can be reached on or buy through (the store's `Channel` values).
    public static let channels = ["phone", "email", "web", "mail", "in_person", "social", "sms", "chat"]

    /// Value tiers by historic value, best first.
    public static let valueTiers = ["top", "high", "medium", "low", "none"]

    /// The standard RFM segments (the value engine's `RFMScoring.Segment` names; a store test
    /// keeps the two lists equal).
    public static let rfmSegments = [
        "Champions", "Loyal", "Potential loyalists", "New customers", "Promising", "Need attention", "About to sleep",
        "At risk", "Can't lose them", "Hibernating",
    ]

    /// The built-in behavioural and geographic fields every Rapport store provides (R3.2).
    ///
    /// The store maps each name to SQL; the definitions here fix what each means. Amounts are
    /// in major units of the person's main currency. Model outputs (`p_alive`, `clv`) come
    /// from profiling and are analytics-only; a store may change a purpose with `add(_:)`.
    public static let behaviour = SegmentSchema([
        SegmentField(
            name: "recency_days", type: .number, label: "days since last purchase",
            summary: "Whole days between the last purchase and today; empty for people who never bought."),
        SegmentField(
            name: "frequency", type: .number, label: "purchases",
            summary: "Number of purchases (returns not counted)."),
        SegmentField(
            name: "spend", type: .money, label: "total spend",
            summary: "Sum of purchases minus returns over the person's whole history."),
        SegmentField(
            name: "average_order", type: .money, label: "average order",
            summary: "Total spend divided by the number of purchases; empty for people who never bought."),
        SegmentField(
            name: "first_purchase", type: .date, label: "first purchase", summary: "Day of the first purchase."),
        SegmentField(
            name: "last_purchase", type: .date, label: "last purchase", summary: "Day of the latest purchase."),
        SegmentField(
            name: "visit_minutes", type: .number, label: "average visit length (minutes)",
            summary: "Average length in minutes of the person's visits and sessions that record a duration."),
        SegmentField(
            name: "country", type: .text, label: "country",
            summary: "ISO 3166-1 alpha-2 code of the person's country, such as PL, US or ID."),
        SegmentField(name: "city", type: .text, label: "city", summary: "City of the person's main address."),
        SegmentField(
            name: "postcode", type: .text, label: "postcode", summary: "Postcode of the person's main address."),
        SegmentField(
            name: "channel", type: .choice, choices: channels, label: "preferred channel",
            summary: "The channel of most of the person's interactions and purchases."),
        SegmentField(
            name: "channels", type: .set, choices: channels, label: "channels used",
            summary: "Every channel the person has interacted or bought through."),
        SegmentField(
            name: "products", type: .set, label: "products bought", summary: "Every product the person has bought."),
        SegmentField(
            name: "brands", type: .set, label: "brands bought", summary: "Every brand the person has bought."),
        SegmentField(
            name: "value_tier", type: .choice, choices: valueTiers, label: "value tier",
            summary:
                "Tier by historic value: top 20 % of spend, next 30 %, next 30 %, the rest; none without purchases."),
        SegmentField(
            name: "rfm_segment", type: .choice, choices: rfmSegments, label: "RFM segment",
            summary:
                "Standard RFM segment by recency and frequency quintiles among the buyers of the person's main currency, as of the last refit."),
        SegmentField(
            name: "p_alive", type: .number, purpose: .analyticsOnly, label: "probability still a customer",
            summary: "BG/NBD probability (0–1) that the person is still an active customer."),
        SegmentField(
            name: "clv", type: .money, purpose: .analyticsOnly, label: "predicted lifetime value",
            summary: "Predicted discounted customer lifetime value from the fitted value models."),
    ])
}
