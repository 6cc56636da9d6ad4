extension Migration {
    /// Elimination and data marts (R1.10).
    ///
    /// `suppressions` stops contact with a person (`contact_point_id` NULL) or with one of
    /// their contact points, for a `reason` (`deceased`, `undeliverable`, `on_request`,
    /// `other`) with an optional `note` and `until_day` (`YYYY-MM-DD`, the first day it no
    /// longer applies). Lifting sets `lifted_at`/`lifted_by` and keeps the row as history.
    /// Both references cascade, so erasing a person (or deleting the point) leaves nothing.
    /// The 360 shows suppressions, so the view-stamp triggers of 004 are added for it.
    ///
    /// `data_marts` holds named extracts: a rule in the segment rule language and the parts
    /// of each profile's history the extract includes (a comma-separated list). Definitions
    /// hold no personal data.
    static let m015SuppressionsAndMarts = Migration(version: 15, name: "suppressions and data marts") { kind in
        [
            """
            CREATE TABLE suppressions (
              id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              contact_point_id TEXT REFERENCES contact_points(id) ON DELETE CASCADE,
              reason TEXT NOT NULL, note TEXT, until_day TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
              lifted_at TEXT, lifted_by TEXT)
            """,
            "CREATE INDEX suppressions_person ON suppressions (person_id, lifted_at)",
            "CREATE INDEX suppressions_reason ON suppressions (reason, id)",
            "CREATE INDEX suppressions_point ON suppressions (contact_point_id)",
            """
            CREATE TABLE data_marts (
              id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,
              rules TEXT NOT NULL, includes TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
              updated_by TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
        ] + (kind == .sqlite ? ViewStampTriggers.sqliteTriggers(for: "suppressions") : [
            "CREATE TRIGGER suppressions_rapport_stamp_person AFTER INSERT OR UPDATE OR DELETE ON suppressions "
                + "FOR EACH ROW EXECUTE FUNCTION rapport_stamp_person()"
        ])
    }
}
