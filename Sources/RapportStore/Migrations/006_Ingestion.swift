extension Migration {
    /// Ingestion (R1.2, R1.4, R1.7 strict): lineage between a corrected raw record and the
    /// one it replaces, each raw record's outcome and match reason, the deterministic
    /// person keys, and the quarantine of records that could not be used as sent.
    ///
    /// `person_keys` holds one person per key (the primary key): a key seen once is
    /// resolved the same way for ever, whatever contact points later change.
    static let m006Ingestion = Migration(version: 6, name: "ingestion") { _ in
        [
            "ALTER TABLE sources ADD COLUMN updated_at TEXT",
            "ALTER TABLE raw_records ADD COLUMN parent_id TEXT REFERENCES raw_records(id)",
            "ALTER TABLE raw_records ADD COLUMN outcome TEXT",
            "ALTER TABLE raw_records ADD COLUMN match_reason TEXT",
            "CREATE INDEX raw_records_parent ON raw_records (parent_id)",
            """
            CREATE TABLE person_keys (
              kind TEXT NOT NULL, value TEXT NOT NULL, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              source_id TEXT REFERENCES sources(id), created_at TEXT NOT NULL, PRIMARY KEY (kind, value))
            """,
            "CREATE INDEX person_keys_person ON person_keys (person_id)",
            """
            CREATE TABLE quarantine (
              id TEXT PRIMARY KEY, raw_record_id TEXT NOT NULL REFERENCES raw_records(id),
              source_id TEXT NOT NULL REFERENCES sources(id), reasons TEXT NOT NULL, status TEXT NOT NULL,
              created_at TEXT NOT NULL, resolved_at TEXT, resolved_by TEXT, note TEXT,
              replay_raw_record_id TEXT REFERENCES raw_records(id))
            """,
            "CREATE INDEX quarantine_status ON quarantine (status, id)",
            "CREATE INDEX quarantine_source ON quarantine (source_id, id)",
        ]
    }
}
