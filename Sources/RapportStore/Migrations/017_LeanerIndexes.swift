extension Migration {
    /// Indexes that cost every write and serve few rows, made smaller (partial) or dropped.
    ///
    /// - The organisation of a purchase, interaction or contact point, and the owner of a
    ///   person, are empty for almost every row (a person's own purchases, people without a
    ///   partner agent): their indexes now hold only the rows that have one. Every query
    ///   on them asks for one value (`organisation_id = ?`), which implies `IS NOT NULL`, so
    ///   both SQLite and PostgreSQL still use them.
    /// - `audit_at`: the trail is listed newest first by its time-ordered ULID `id`, never by
    ///   `at`, and read entries arrive by the thousand each second.
    static let m017LeanerIndexes = Migration(version: 17, name: "leaner indexes") { _ in
        (leanerIndexDrops + leanerIndexes.map { BulkLoadDeferral.objectNames([$0], kind: "INDEX")[0] }).map {
            "DROP INDEX IF EXISTS \($0)"
        } + leanerIndexes
    }

    /// Indexes of migration 002 that migration 017 dropped.
    static let leanerIndexDrops = ["audit_at"]

    /// Migration 017's partial indexes, replacing migration 002's of the same names.
    static let leanerIndexes = [
        "CREATE INDEX people_owner ON people (owner_user_id) WHERE owner_user_id IS NOT NULL",
        "CREATE INDEX contact_points_organisation ON contact_points (organisation_id) WHERE organisation_id IS NOT NULL",
        "CREATE INDEX interactions_organisation ON interactions (organisation_id) WHERE organisation_id IS NOT NULL",
        "CREATE INDEX purchases_organisation ON purchases (organisation_id, occurred_at) WHERE organisation_id IS NOT NULL",
    ]
}
