extension Migration {
    /// The holdout validation made with each fitted value model (R4.3): predicted against
    /// actual repeat purchases in a holdout, as JSON. Nullable: models fitted before this
    /// migration, or whose history could not be split, have none.
    static let m007ValueHoldout = Migration(version: 7, name: "value_holdout") { _ in
        ["ALTER TABLE value_models ADD COLUMN holdout TEXT"]
    }
}
