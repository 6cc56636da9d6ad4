extension Migration {
    /// Fitted customer-value models and each person's latest predicted value.
    static let m003Value = Migration(version: 3, name: "value") { _ in
        [
            """
            CREATE TABLE value_models (
              id TEXT PRIMARY KEY, currency TEXT NOT NULL, fitted_at TEXT NOT NULL, calibration_end TEXT NOT NULL,
              customers INTEGER NOT NULL, parameters TEXT NOT NULL)
            """,
            """
            CREATE TABLE value_scores (
              person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE, currency TEXT NOT NULL,
              model_id TEXT NOT NULL REFERENCES value_models(id) ON DELETE CASCADE, frequency INTEGER NOT NULL,
              p_alive DOUBLE PRECISION NOT NULL, expected_purchases DOUBLE PRECISION NOT NULL,
              horizon_weeks DOUBLE PRECISION NOT NULL, expected_spend_minor BIGINT, clv_minor BIGINT,
              months INTEGER NOT NULL, PRIMARY KEY (person_id, currency))
            """,
            "CREATE INDEX value_scores_model ON value_scores (model_id)",
        ]
    }
}
