extension Migration {
    /// Merges and unmerges of people (R1.7): `people.merged_into_id` points an absorbed
    /// person at the survivor, and `person_merges` keeps each merge with its reason, the
    /// evidence and the ledger of rows it moved (``MergeLedger`` as JSON), until it is undone.
    ///
    /// Erasure: `merged_into_id` cascades, so erasing a survivor erases everyone merged into
    /// them (whose data the survivor now holds); `person_merges` references both people with
    /// `ON DELETE CASCADE`, so no merge outlives either person. The ledger holds row keys, not
    /// values.
    static let m012PersonMerges = Migration(version: 12, name: "person merges") { _ in
        [
            "ALTER TABLE people ADD COLUMN merged_into_id TEXT REFERENCES people(id) ON DELETE CASCADE",
            "CREATE INDEX people_merged_into ON people (merged_into_id)",
            """
            CREATE TABLE person_merges (
              id TEXT PRIMARY KEY, survivor_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              absorbed_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE, reason TEXT NOT NULL,
              review_id TEXT REFERENCES match_reviews(id) ON DELETE SET NULL, explanation TEXT, ledger TEXT NOT NULL,
              merged_by TEXT NOT NULL, merged_at TEXT NOT NULL, undone_at TEXT, undone_by TEXT)
            """,
            "CREATE INDEX person_merges_survivor ON person_merges (survivor_id, id)",
            "CREATE INDEX person_merges_absorbed ON person_merges (absorbed_id, id)",
        ]
    }
}
