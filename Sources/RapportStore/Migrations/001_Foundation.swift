extension Migration {
    /// The foundation schema: people, households, organisations, contact points,
    /// touchpoints and raw records, interactions, purchases, attributes, users, tokens,
    /// sessions and the audit trail.
    static let m001Foundation = Migration(version: 1, name: "foundation") { _ in
        [
            """
            CREATE TABLE sources (
              id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, trust_rank INTEGER NOT NULL,
              allowed_attributes TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            "CREATE TABLE households (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL)",
            """
            CREATE TABLE users (
              id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,
              password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE people (
              id TEXT PRIMARY KEY, household_id TEXT REFERENCES households(id) ON DELETE SET NULL,
              given_name TEXT, family_name TEXT, display_name TEXT NOT NULL, search_name TEXT NOT NULL,
              search_family TEXT NOT NULL, birth_date TEXT, gender TEXT, language TEXT, country TEXT,
              status TEXT NOT NULL, owner_user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE organisations (
              id TEXT PRIMARY KEY, name TEXT NOT NULL, search_name TEXT NOT NULL, kind TEXT NOT NULL,
              parent_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
              reseller_of_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
              country TEXT, registration_number TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE memberships (
              person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
              role TEXT NOT NULL, since TEXT, until TEXT, PRIMARY KEY (person_id, organisation_id, role))
            """,
            """
            CREATE TABLE contact_points (
              id TEXT PRIMARY KEY, person_id TEXT REFERENCES people(id) ON DELETE CASCADE,
              organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
              kind TEXT NOT NULL, value TEXT NOT NULL, normalized TEXT NOT NULL, label TEXT,
              line1 TEXT, line2 TEXT, city TEXT, postcode TEXT, region TEXT, country TEXT,
              valid_from TEXT, valid_to TEXT, is_primary INTEGER NOT NULL DEFAULT 0,
              source_id TEXT REFERENCES sources(id), created_at TEXT NOT NULL,
              CHECK (person_id IS NOT NULL OR organisation_id IS NOT NULL))
            """,
            """
            CREATE TABLE raw_records (
              id TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id), received_at TEXT NOT NULL,
              payload TEXT NOT NULL, person_id TEXT REFERENCES people(id) ON DELETE SET NULL, lineage TEXT)
            """,
            """
            CREATE TABLE interactions (
              id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
              channel TEXT NOT NULL, direction TEXT NOT NULL, staff_user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
              staff_name TEXT, outcome TEXT NOT NULL, subject TEXT, notes TEXT, occurred_at TEXT NOT NULL,
              source_id TEXT REFERENCES sources(id))
            """,
            """
            CREATE TABLE purchases (
              id TEXT PRIMARY KEY, person_id TEXT REFERENCES people(id) ON DELETE CASCADE,
              organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
              kind TEXT NOT NULL, channel TEXT, occurred_at TEXT NOT NULL, currency TEXT NOT NULL,
              total_minor BIGINT NOT NULL, margin_minor BIGINT NOT NULL, reference TEXT,
              source_id TEXT REFERENCES sources(id),
              CHECK (person_id IS NOT NULL OR organisation_id IS NOT NULL))
            """,
            """
            CREATE TABLE purchase_lines (
              purchase_id TEXT NOT NULL REFERENCES purchases(id) ON DELETE CASCADE, line_no INTEGER NOT NULL,
              product TEXT NOT NULL, brand TEXT, quantity INTEGER NOT NULL, amount_minor BIGINT NOT NULL,
              margin_minor BIGINT NOT NULL, PRIMARY KEY (purchase_id, line_no))
            """,
            """
            CREATE TABLE attribute_definitions (
              id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, label TEXT NOT NULL, type TEXT NOT NULL,
              choices TEXT NOT NULL, purpose TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE attribute_values (
              person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              attribute_id TEXT NOT NULL REFERENCES attribute_definitions(id) ON DELETE CASCADE,
              value_text TEXT, value_number DOUBLE PRECISION, updated_at TEXT NOT NULL,
              PRIMARY KEY (person_id, attribute_id))
            """,
            """
            CREATE TABLE api_tokens (
              id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT NOT NULL,
              token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT)
            """,
            """
            CREATE TABLE sessions (
              token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE audit_log (
              id TEXT PRIMARY KEY, at TEXT NOT NULL, actor_user_id TEXT, actor_name TEXT NOT NULL,
              action TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT)
            """,
        ]
    }
}
