extension Migration {
    /// Survivorship in the store (R1.3): the policy, what staff said, and the golden values with
    /// where each came from.
    ///
    /// `survivorship_policy` holds one row (`id = 1`): the policy as the JSON of
    /// `SurvivorshipPolicy`, with who changed it last. No row means the standard policy (trusted
    /// source for every attribute, empty values ignored).
    ///
    /// `staff_observations` keeps what staff entered through the API or the UI (a new person, a
    /// patch, a primary contact point): the latest value per person and attribute, since the engine
    /// only weighs each source's latest value. They take part in survivorship as the built-in
    /// source "Staff" (trust rank 0, above every touchpoint's 1…100).
    ///
    /// `golden_values` holds, per person and attribute, the winning value, the source and raw
    /// record it came from (`source_id` has no foreign key: "Staff" is no registered touchpoint,
    /// and a touchpoint is never deleted), the rule, the one-line reason, and the engine's whole
    /// explanation as JSON (candidates and what was set aside) for the 360 page and the API.
    ///
    /// Both tables with personal data reference `people(id)` with `ON DELETE CASCADE`, and the
    /// 360 shows `golden_values`, so its changes move the person's view stamp (as 004 does).
    static let m013Survivorship = Migration(version: 13, name: "survivorship") { kind in
        [
            """
            CREATE TABLE survivorship_policy (
              id INTEGER PRIMARY KEY CHECK (id = 1), policy TEXT NOT NULL, updated_by TEXT NOT NULL,
              updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE staff_observations (
              person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE, attribute TEXT NOT NULL, value TEXT,
              observed_at TEXT NOT NULL, actor_name TEXT NOT NULL, PRIMARY KEY (person_id, attribute))
            """,
            """
            CREATE TABLE golden_values (
              person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE, attribute TEXT NOT NULL, value TEXT,
              source_id TEXT, source_name TEXT, raw_record_id TEXT, rule TEXT NOT NULL, reason TEXT NOT NULL,
              explanation TEXT NOT NULL, computed_at TEXT NOT NULL, PRIMARY KEY (person_id, attribute))
            """,
        ] + (kind == .sqlite ? goldenStampSQLite : [goldenStampPostgres])
    }

    /// The 004 triggers of a person table, for `golden_values`.
    private static let goldenStampSQLite = [
        """
        CREATE TRIGGER golden_values_stamp_insert AFTER INSERT ON golden_values
        BEGIN UPDATE people SET view_version = view_version + 1 WHERE id = NEW.person_id; END
        """,
        """
        CREATE TRIGGER golden_values_stamp_update AFTER UPDATE ON golden_values
        BEGIN UPDATE people SET view_version = view_version + 1 WHERE id IN (OLD.person_id, NEW.person_id); END
        """,
        """
        CREATE TRIGGER golden_values_stamp_delete AFTER DELETE ON golden_values
        BEGIN UPDATE people SET view_version = view_version + 1 WHERE id = OLD.person_id; END
        """,
    ]

    /// 004's `rapport_stamp_person` function serves this table too.
    private static let goldenStampPostgres = """
        CREATE TRIGGER golden_values_rapport_stamp_person AFTER INSERT OR UPDATE OR DELETE ON golden_values
        FOR EACH ROW EXECUTE FUNCTION rapport_stamp_person()
        """
}
