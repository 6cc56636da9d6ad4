extension Migration {
    /// Households in the store (R1.8), change of address (R1.6) and enrichment provenance (R1.9).
    ///
    /// `household_rule` holds the one household rule (``HouseholdRule`` as JSON) in a single
    /// row; without a row the standard rule applies. `household_links` keeps why two people
    /// are in one household: one row per edge of the group's spanning tree, as
    /// ``HouseholdGrouping`` found it, between `person_id` (the first of the bucket) and
    /// `other_person_id`. Both reference `people(id)` with `ON DELETE CASCADE`, so erasing a
    /// person removes every link naming them. The 360 shows the links, so triggers stamp both
    /// people's view (as migration 004 does for the other tables).
    ///
    /// `attribute_values` gains its provenance: the touchpoint that supplied a value
    /// (`source_id`), a line for people (`provenance`: "Acme Data, acme.csv line 12") and
    /// when it was supplied (`provided_at`); all null for values set by hand. The covering
    /// index of the 360 (`attribute_values_person`, migration 009) is rebuilt to include
    /// them, so the 360 still reads values without touching the table.
    static let m014Households = Migration(version: 14, name: "households") { kind in
        [
            """
            CREATE TABLE household_rule (
              id INTEGER PRIMARY KEY CHECK (id = 1), rule TEXT NOT NULL, updated_at TEXT NOT NULL,
              updated_by TEXT NOT NULL)
            """,
            """
            CREATE TABLE household_links (
              person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              other_person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
              reason TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (person_id, other_person_id))
            """,
            "CREATE INDEX household_links_other ON household_links (other_person_id)",
            "CREATE INDEX household_links_household ON household_links (household_id)",
            "ALTER TABLE attribute_values ADD COLUMN source_id TEXT REFERENCES sources(id)",
            "ALTER TABLE attribute_values ADD COLUMN provenance TEXT",
            "ALTER TABLE attribute_values ADD COLUMN provided_at TEXT",
            "DROP INDEX attribute_values_person",
            """
            CREATE INDEX attribute_values_person
              ON attribute_values (person_id, attribute_id, value_text, value_number, provenance, provided_at)
            """,
        ] + (kind == .sqlite ? HouseholdLinkStamps.sqlite : HouseholdLinkStamps.postgres)
    }
}

/// The view-stamp triggers of `household_links`: a link shows on both people's 360.
enum HouseholdLinkStamps {
    static let sqlite: [String] = [
        """
        CREATE TRIGGER household_links_stamp_insert AFTER INSERT ON household_links
        BEGIN UPDATE people SET view_version = view_version + 1 WHERE id IN (NEW.person_id, NEW.other_person_id); END
        """,
        """
        CREATE TRIGGER household_links_stamp_update AFTER UPDATE ON household_links
        BEGIN UPDATE people SET view_version = view_version + 1
          WHERE id IN (OLD.person_id, OLD.other_person_id, NEW.person_id, NEW.other_person_id); END
        """,
        """
        CREATE TRIGGER household_links_stamp_delete AFTER DELETE ON household_links
        BEGIN UPDATE people SET view_version = view_version + 1 WHERE id IN (OLD.person_id, OLD.other_person_id); END
        """,
    ]

    static let postgres: [String] = [
        """
        CREATE FUNCTION rapport_stamp_household_link() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE people SET view_version = view_version + 1 WHERE id IN (OLD.person_id, OLD.other_person_id);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE people SET view_version = view_version + 1 WHERE id IN (NEW.person_id, NEW.other_person_id);
        END IF;
        RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER household_links_rapport_stamp_household_link AFTER INSERT OR UPDATE OR DELETE ON household_links
        FOR EACH ROW EXECUTE FUNCTION rapport_stamp_household_link()
        """,
    ]
}
