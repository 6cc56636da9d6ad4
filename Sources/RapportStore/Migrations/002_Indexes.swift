extension Migration {
    /// Indexes for the paths every screen takes: search by name prefix, contact-point
    /// lookup by normalised value, a person's activity newest first, the audit trail.
    static let m002Indexes = Migration(version: 2, name: "indexes") { _ in
        [
            "CREATE INDEX people_search_family ON people (search_family, id)",
            "CREATE INDEX people_search_name ON people (search_name, id)",
            "CREATE INDEX people_household ON people (household_id)",
            "CREATE INDEX people_owner ON people (owner_user_id)",
            "CREATE INDEX people_created ON people (created_at, id)",
            "CREATE INDEX organisations_search ON organisations (search_name, id)",
            "CREATE INDEX organisations_parent ON organisations (parent_id)",
            "CREATE INDEX organisations_reseller ON organisations (reseller_of_id)",
            "CREATE INDEX memberships_organisation ON memberships (organisation_id)",
            "CREATE INDEX contact_points_person ON contact_points (person_id)",
            "CREATE INDEX contact_points_organisation ON contact_points (organisation_id)",
            "CREATE INDEX contact_points_normalized ON contact_points (normalized)",
            "CREATE INDEX raw_records_person ON raw_records (person_id)",
            "CREATE INDEX interactions_person ON interactions (person_id, occurred_at)",
            "CREATE INDEX interactions_organisation ON interactions (organisation_id)",
            "CREATE INDEX purchases_person ON purchases (person_id, occurred_at)",
            "CREATE INDEX purchases_organisation ON purchases (organisation_id, occurred_at)",
            "CREATE INDEX attribute_values_attribute ON attribute_values (attribute_id)",
            "CREATE INDEX audit_entity ON audit_log (entity_type, entity_id, at)",
            "CREATE INDEX audit_at ON audit_log (at)",
            "CREATE INDEX sessions_user ON sessions (user_id)",
            "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
        ]
    }
}
