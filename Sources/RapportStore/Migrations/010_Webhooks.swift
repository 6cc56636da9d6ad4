extension Migration {
    /// Outbound webhooks (R10.2): subscriptions with the event types they want, the event
    /// outbox (written in the transaction of the change it reports, see ``EventOutbox``),
    /// one delivery per event and subscription, and every attempt at it.
    ///
    /// The signing secret is stored as it was generated: an HMAC is computed with the secret
    /// itself, so unlike passwords and API tokens it cannot be kept as a digest. Whoever can
    /// read this table can forge signatures; it is read only by the dispatcher.
    static let m010Webhooks = Migration(version: 10, name: "webhooks") { _ in
        [
            """
            CREATE TABLE webhook_subscriptions (
              id TEXT PRIMARY KEY, url TEXT NOT NULL, description TEXT, secret TEXT NOT NULL,
              active INTEGER NOT NULL DEFAULT 1, created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE webhook_subscription_events (
              subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
              event_type TEXT NOT NULL, PRIMARY KEY (subscription_id, event_type))
            """,
            "CREATE INDEX webhook_subscription_events_type ON webhook_subscription_events (event_type)",
            """
            CREATE TABLE webhook_events (
              id TEXT PRIMARY KEY, type TEXT NOT NULL, entity_id TEXT NOT NULL, occurred_at TEXT NOT NULL, payload TEXT NOT NULL)
            """,
            """
            CREATE TABLE webhook_deliveries (
              id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
              event_id TEXT NOT NULL REFERENCES webhook_events(id) ON DELETE CASCADE, event_type TEXT NOT NULL,
              status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT,
              created_at TEXT NOT NULL, completed_at TEXT)
            """,
            "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)",
            "CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id)",
            "CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id)",
            """
            CREATE TABLE webhook_attempts (
              id TEXT PRIMARY KEY, delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
              attempted_at TEXT NOT NULL, status_code INTEGER, error TEXT, duration_ms INTEGER NOT NULL)
            """,
            "CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id)",
        ]
    }
}
