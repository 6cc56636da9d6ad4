extension Migration {
    /// Value drivers and lifetime value settings (R4.2, R4.4), and a covering index for the
    /// attribute values a customer 360 shows (R3.1): the day number of each
    /// person's first purchase beside that of the last, so relationship lengths and yearly
    /// retention are arithmetic in SQL; and the lifetime value assumptions, once as the
    /// default (`scope` `*`) and per segment (`scope` the segment's ID, gone with the segment);
    /// and each buyer's RFM scores and segment per currency (R3.3), replaced at every refit,
    /// so `rfm_segment` can select people in rules.
    ///
    /// Existing summaries get `first_day` from the rebuild that ``Store/open(_:logger:ids:)``
    /// runs when this migration is applied.
    static let m009ValueDrivers = Migration(version: 9, name: "value drivers and RFM scores") { _ in
        [
            "ALTER TABLE customer_metrics ADD COLUMN first_day INTEGER",
            // The customer 360 reads a person's attribute values from this index alone.
            "CREATE INDEX attribute_values_person ON attribute_values (person_id, attribute_id, value_text, value_number)",
            """
            CREATE TABLE value_assumptions (
              scope TEXT PRIMARY KEY, segment_id TEXT REFERENCES segments(id) ON DELETE CASCADE,
              assumptions TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE rfm_scores (
              person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE, currency TEXT NOT NULL,
              recency INTEGER NOT NULL, frequency INTEGER NOT NULL, monetary INTEGER NOT NULL, segment TEXT NOT NULL,
              bins INTEGER NOT NULL, scored_at TEXT NOT NULL, PRIMARY KEY (person_id, currency))
            """,
        ]
    }
}
