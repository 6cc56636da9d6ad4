/// # RapportApp
///
/// The HTTP face of Rapport on Hummingbird 2: the JSON API under `/api/v1` (API tokens,
/// problem+json errors, OpenAPI document), the server-rendered web UI (sessions with CSRF
/// protection, Mustache templates, CSS and a little JavaScript served by the app itself),
/// and the operations endpoints `/health`, `/ready` and `/metrics`.
///
/// It owns: routing, authentication, authorisation by role, request decoding and response
/// rendering. It may not touch SQL: every request reaches the store's repositories in one hop.
