extension Migration {
    /// Loose matching in the store (R1.7): the clerical-review queue and the pairs a reviewer
    /// declared different people.
    ///
    /// `match_reviews` holds one pair in the grey zone of the match model: `person_id` is the
    /// person the arriving record created (or, in a batch re-resolution, the younger of the
    /// two), `candidate_id` the existing person it may be. `explanation` is the engine's
    /// `MatchExplanation` as JSON (per-field levels, values and weights, prior, total), so the
    /// queue shows the same evidence the decision rested on. `origin` is `ingestion` or
    /// `batch`; `status` moves from `open` to `accepted` (the two were merged), `rejected`
    /// (different people: the pair goes to `distinct_people` and is never proposed again) or
    /// `obsolete` (one of them was merged or erased before anyone decided).
    ///
    /// `distinct_people` keeps each pair once, lower person ID first. Both tables reference
    /// `people(id)` with `ON DELETE CASCADE`, so erasing a person leaves no pair behind.
    static let m011MatchReviews = Migration(version: 11, name: "match reviews") { _ in
        [
            """
            CREATE TABLE match_reviews (
              id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              candidate_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              raw_record_id TEXT REFERENCES raw_records(id) ON DELETE SET NULL,
              probability DOUBLE PRECISION NOT NULL, total_weight DOUBLE PRECISION NOT NULL, explanation TEXT NOT NULL,
              origin TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
              decided_at TEXT, decided_by TEXT, note TEXT, UNIQUE (person_id, candidate_id))
            """,
            "CREATE INDEX match_reviews_status ON match_reviews (status, probability, id)",
            "CREATE INDEX match_reviews_candidate ON match_reviews (candidate_id)",
            """
            CREATE TABLE distinct_people (
              person_a TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              person_b TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
              decided_by TEXT NOT NULL, decided_at TEXT NOT NULL, PRIMARY KEY (person_a, person_b),
              CHECK (person_a < person_b))
            """,
            "CREATE INDEX distinct_people_b ON distinct_people (person_b)",
        ]
    }
}
