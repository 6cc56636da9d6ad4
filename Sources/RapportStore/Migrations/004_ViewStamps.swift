extension Migration {
    /// A version stamp on every person that moves whenever anything their customer 360
    /// shows changes — their own row, a household member, an organisation they belong to,
    /// their contact points, purchases (and lines), interactions, attributes or value
    /// scores. Database triggers keep it, so no write path (API, import, bulk load,
    /// another process) can forget to; ``CustomerDocumentCache`` serves a cached 360 only
    /// while the stamp it was built under is still current.
    static let m004ViewStamps = Migration(version: 4, name: "view stamps") { kind in
        ["ALTER TABLE people ADD COLUMN view_version BIGINT NOT NULL DEFAULT 0"]
            + (kind == .sqlite ? ViewStampTriggers.sqlite : ViewStampTriggers.postgres)
    }
}

/// The triggers of migration 004, per dialect.
enum ViewStampTriggers {
    /// Tables whose rows belong to one person through `person_id`.
    static let personTables = ["contact_points", "purchases", "interactions", "memberships", "attribute_values", "value_scores"]

    /// The three SQLite triggers that stamp the person a row of `table` (with `person_id`)
    /// belongs to; later migrations add them for new tables the 360 shows.
    static func sqliteTriggers(for table: String) -> [String] {
        [
            """
            CREATE TRIGGER \(table)_stamp_insert AFTER INSERT ON \(table) WHEN NEW.person_id IS NOT NULL
            BEGIN UPDATE people SET view_version = view_version + 1 WHERE id = NEW.person_id; END
            """,
            """
            CREATE TRIGGER \(table)_stamp_update AFTER UPDATE ON \(table)
            BEGIN UPDATE people SET view_version = view_version + 1 WHERE id IN (OLD.person_id, NEW.person_id); END
            """,
            """
            CREATE TRIGGER \(table)_stamp_delete AFTER DELETE ON \(table) WHEN OLD.person_id IS NOT NULL
            BEGIN UPDATE people SET view_version = view_version + 1 WHERE id = OLD.person_id; END
            """,
        ]
    }

    static let sqlite: [String] =
        personTables.flatMap(sqliteTriggers(for:)) + [
            """
            CREATE TRIGGER purchase_lines_stamp_insert AFTER INSERT ON purchase_lines
            BEGIN UPDATE people SET view_version = view_version + 1
              WHERE id = (SELECT person_id FROM purchases WHERE id = NEW.purchase_id); END
            """,
            """
            CREATE TRIGGER purchase_lines_stamp_change AFTER UPDATE ON purchase_lines
            BEGIN UPDATE people SET view_version = view_version + 1
              WHERE id IN (SELECT person_id FROM purchases WHERE id IN (OLD.purchase_id, NEW.purchase_id)); END
            """,
            """
            CREATE TRIGGER purchase_lines_stamp_delete AFTER DELETE ON purchase_lines
            BEGIN UPDATE people SET view_version = view_version + 1
              WHERE id = (SELECT person_id FROM purchases WHERE id = OLD.purchase_id); END
            """,
            // A person's own change, and their household members', whose 360 lists them.
            // The WHEN clause lets the trigger's own stamp updates pass without firing again.
            """
            CREATE TRIGGER people_stamp_update AFTER UPDATE ON people WHEN NEW.view_version = OLD.view_version
            BEGIN UPDATE people SET view_version = view_version + 1
              WHERE id = NEW.id OR household_id = NEW.household_id OR household_id = OLD.household_id; END
            """,
            """
            CREATE TRIGGER people_stamp_insert AFTER INSERT ON people WHEN NEW.household_id IS NOT NULL
            BEGIN UPDATE people SET view_version = view_version + 1 WHERE household_id = NEW.household_id AND id <> NEW.id; END
            """,
            """
            CREATE TRIGGER people_stamp_delete AFTER DELETE ON people WHEN OLD.household_id IS NOT NULL
            BEGIN UPDATE people SET view_version = view_version + 1 WHERE household_id = OLD.household_id; END
            """,
            """
            CREATE TRIGGER households_stamp AFTER UPDATE ON households
            BEGIN UPDATE people SET view_version = view_version + 1 WHERE household_id = NEW.id; END
            """,
            """
            CREATE TRIGGER organisations_stamp AFTER UPDATE ON organisations
            BEGIN UPDATE people SET view_version = view_version + 1
              WHERE id IN (SELECT person_id FROM memberships WHERE organisation_id = NEW.id); END
            """,
            """
            CREATE TRIGGER attribute_definitions_stamp AFTER UPDATE ON attribute_definitions
            BEGIN UPDATE people SET view_version = view_version + 1
              WHERE id IN (SELECT person_id FROM attribute_values WHERE attribute_id = NEW.id); END
            """,
        ]

    /// PostgreSQL: the same rules as trigger functions. Mates are stamped only by a
    /// person's own top-level change (`pg_trigger_depth() = 1`), as on SQLite.
    static let postgres: [String] = [
        function(
            "rapport_stamp_person",
            """
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
              UPDATE people SET view_version = view_version + 1 WHERE id = OLD.person_id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
              UPDATE people SET view_version = view_version + 1 WHERE id = NEW.person_id;
            END IF;
            RETURN NULL;
            """),
        function(
            "rapport_stamp_purchase_line",
            """
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
              UPDATE people SET view_version = view_version + 1 WHERE id = (SELECT person_id FROM purchases WHERE id = OLD.purchase_id);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
              UPDATE people SET view_version = view_version + 1 WHERE id = (SELECT person_id FROM purchases WHERE id = NEW.purchase_id);
            END IF;
            RETURN NULL;
            """),
        function(
            "rapport_stamp_own_view",
            """
            IF NEW.view_version = OLD.view_version THEN NEW.view_version := OLD.view_version + 1; END IF;
            RETURN NEW;
            """),
        function(
            "rapport_stamp_household_mates",
            """
            IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
              UPDATE people SET view_version = view_version + 1 WHERE household_id = OLD.household_id AND id <> OLD.id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
              UPDATE people SET view_version = view_version + 1 WHERE household_id = NEW.household_id AND id <> NEW.id;
            END IF;
            RETURN NULL;
            """),
        function(
            "rapport_stamp_household",
            "UPDATE people SET view_version = view_version + 1 WHERE household_id = NEW.id; RETURN NULL;"),
        function(
            "rapport_stamp_organisation",
            """
            UPDATE people SET view_version = view_version + 1
              WHERE id IN (SELECT person_id FROM memberships WHERE organisation_id = NEW.id);
            RETURN NULL;
            """),
        function(
            "rapport_stamp_attribute",
            """
            UPDATE people SET view_version = view_version + 1
              WHERE id IN (SELECT person_id FROM attribute_values WHERE attribute_id = NEW.id);
            RETURN NULL;
            """),
    ] + personTables.map { trigger($0, "AFTER INSERT OR UPDATE OR DELETE", "rapport_stamp_person") } + [
        trigger("purchase_lines", "AFTER INSERT OR UPDATE OR DELETE", "rapport_stamp_purchase_line"),
        trigger("people", "BEFORE UPDATE", "rapport_stamp_own_view"),
        trigger("people", "AFTER INSERT OR UPDATE OR DELETE", "rapport_stamp_household_mates"),
        trigger("households", "AFTER UPDATE", "rapport_stamp_household"),
        trigger("organisations", "AFTER UPDATE", "rapport_stamp_organisation"),
        trigger("attribute_definitions", "AFTER UPDATE", "rapport_stamp_attribute"),
    ]

    private static func function(_ name: String, _ body: String) -> String {
        "CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN\n\(body)\nEND $$"
    }

    private static func trigger(_ table: String, _ timing: String, _ function: String) -> String {
        "CREATE TRIGGER \(table)_\(function) \(timing) ON \(table) FOR EACH ROW EXECUTE FUNCTION \(function)()"
    }
}
