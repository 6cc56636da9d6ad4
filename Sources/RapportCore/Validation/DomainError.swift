/// What can go wrong when a request meets the domain, with stable codes the HTTP layer
/// maps to status codes and problem documents.
public enum DomainError: Error, Equatable, Sendable {
    /// The input broke one or more rules; every issue names its field.
    case invalid([FieldIssue])
    /// No `entity` with identifier `id` exists (or the caller may not see it).
    case notFound(entity: String, id: String)
    /// A unique key is taken, or the change conflicts with the current state.
    case conflict(field: String, message: String)
    /// The caller is known but their role does not allow this.
    case forbidden(String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .invalid: "validation_failed"
        case .notFound: "not_found"
        case .conflict: "conflict"
        case .forbidden: "forbidden"
        }
    }

    /// A sentence a person can act on.
    public var message: String {
        switch self {
        case .invalid(let issues):
            issues.count == 1 ? issues[0].message : "\(issues.count) fields are invalid: "
                + issues.map(\.field).joined(separator: ", ") + "."
        case .notFound(let entity, let id): "No \(entity) with id '\(id)' exists."
        case .conflict(_, let message): message
        case .forbidden(let message): message
        }
    }
}
