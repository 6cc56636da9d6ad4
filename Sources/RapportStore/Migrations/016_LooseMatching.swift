extension Migration {
    /// Loose matching in the store (R1.7): the fitted match model, and per person the compact
    /// matching row and the blocking keys that find them as a candidate.
    ///
    /// `match_models` keeps every fitted model; the newest (`fitted_at`, then `id`) is used.
    /// `model` is the engine's `MatchModel` as JSON, `term_frequencies` its `TermFrequencies`
    /// (aggregate value frequencies, no person's data), `origin` is `fitted` (by
    /// `rapport resolve fit` on the stored people) or `standard` (the engine's model of a
    /// generated population, stored only to carry thresholds set before any fit).
    ///
    /// `person_match_rows` holds one folded value per compared field (see
    /// `NormalisedPerson.storedFields`), so candidates are compared without normalising them
    /// again; `person_blocks` one row per blocking key of a person (`BlockingKey.storedKey`,
    /// a 64-bit hash as signed integer). Both reference `people(id)` with `ON DELETE CASCADE`:
    /// erasing a person leaves neither behind. Migration 019 gives the rows an integer id and
    /// their keys, and keys `person_blocks` by that id.
    static let m016LooseMatching = Migration(version: 16, name: "loose matching") { kind in
        [
            """
            CREATE TABLE match_models (
              id TEXT PRIMARY KEY, fitted_at TEXT NOT NULL, origin TEXT NOT NULL, record_count INTEGER NOT NULL,
              model TEXT NOT NULL, term_frequencies TEXT NOT NULL,
              match_threshold DOUBLE PRECISION NOT NULL, review_threshold DOUBLE PRECISION NOT NULL)
            """,
            """
            CREATE TABLE person_match_rows (
              person_id TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE, fields TEXT NOT NULL)
            """,
            """
            CREATE TABLE person_blocks (
              block_key BIGINT NOT NULL, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              PRIMARY KEY (block_key, person_id))\(kind == .sqlite ? " WITHOUT ROWID" : "")
            """,
            "CREATE INDEX person_blocks_person ON person_blocks (person_id)",
        ]
    }
}
