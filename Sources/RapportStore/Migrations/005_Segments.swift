extension Migration {
    /// Segments (R3.2): saved rules and frozen member lists; each person's behaviour summary
    /// that segment rules test (kept current by every write of purchases and interactions,
    /// see ``CustomerMetrics``); and the length of visits and calls on interactions.
    ///
    /// Dynamic segments have no stored members: they are evaluated on the current data each
    /// time, so they are never out of date. `segment_members` holds frozen segments' lists.
    static let m005Segments = Migration(version: 5, name: "segments") { _ in
        [
            """
            CREATE TABLE segments (
              id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,
              purpose TEXT NOT NULL, kind TEXT NOT NULL, rule_text TEXT, rule_json TEXT, frozen_from TEXT,
              created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE segment_members (
              segment_id TEXT NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
              person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              added_at TEXT NOT NULL, PRIMARY KEY (segment_id, person_id))
            """,
            "CREATE INDEX segment_members_person ON segment_members (person_id)",
            """
            CREATE TABLE customer_metrics (
              person_id TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE, currency TEXT,
              purchases INTEGER NOT NULL, orders INTEGER NOT NULL, spend_minor BIGINT NOT NULL,
              margin_minor BIGINT NOT NULL, first_purchase TEXT, last_purchase TEXT, last_day INTEGER,
              channel TEXT, channels TEXT NOT NULL, visit_minutes DOUBLE PRECISION, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX customer_metrics_spend ON customer_metrics (currency, spend_minor)",
            "ALTER TABLE interactions ADD COLUMN duration_seconds INTEGER",
        ]
    }
}
