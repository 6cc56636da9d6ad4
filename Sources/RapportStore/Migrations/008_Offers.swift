extension Migration {
    /// Offers and next-best actions (R3.4 segments of one): each targets one segment by its
    /// key, which never changes. Values are BIGINT minor units with their currency beside
    /// them, validity days `YYYY-MM-DD` TEXT and the active flag INTEGER 0/1, as elsewhere.
    ///
    /// No foreign key to `segments`: the repositories keep the two consistent (a targeted
    /// segment cannot be deleted or turned into a reporting one) and name the offer in the
    /// refusal, which a constraint error could not.
    static let m008Offers = Migration(version: 8, name: "offers") { _ in
        [
            """
            CREATE TABLE offers (
              id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,
              kind TEXT NOT NULL, segment_key TEXT NOT NULL, channel TEXT, value_minor BIGINT, currency TEXT,
              priority INTEGER NOT NULL, valid_from TEXT, valid_to TEXT, active INTEGER NOT NULL,
              created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX offers_segment ON offers (segment_key)",
        ]
    }
}
