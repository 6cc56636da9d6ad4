extension Migration {
    /// Value drivers and lifetime value settings (R4.2, R4.4): the day number of each
    /// person's first purchase beside that of the last, so relationship lengths and yearly
    /// retention are arithmetic in SQL; and the lifetime value assumptions, once as the
    /// default (`scope` `*`) and per segment (`scope` the segment's ID, gone with the segment).
    ///
    /// Existing summaries get `first_day` from the rebuild that ``Store/open(_:logger:ids:)``
    /// runs when this migration is applied.
    static let m009ValueDrivers = Migration(version: 9, name: "value drivers") { _ in
        [
            "ALTER TABLE customer_metrics ADD COLUMN first_day INTEGER",
            """
            CREATE TABLE value_assumptions (
              scope TEXT PRIMARY KEY, segment_id TEXT REFERENCES segments(id) ON DELETE CASCADE,
              assumptions TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
        ]
    }
}
