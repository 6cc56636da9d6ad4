/// # RapportStore
///
/// Storage for Rapport over SQLKit: one SQL layer, the same migrations and the same
/// repositories on embedded SQLite (default, one file in WAL mode, foreign keys on) and on
/// PostgreSQL (`postgres://…`).
///
/// It owns: connections and pools, transactions, numbered migrations, one repository per
/// aggregate, the customer-360 read model, the audit trail writer and the bulk loader.
/// It may not touch: HTTP, HTML or the command line — callers pass an ``Actor`` and get
/// domain values or ``DomainError``s back.
