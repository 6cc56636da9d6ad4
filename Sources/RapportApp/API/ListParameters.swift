import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// The paging, sorting and filtering parameters every list endpoint shares, checked with
/// an error that names the parameter.
struct ListParameters {
    let query: [String: String]
    let limit: Int
    let cursor: Cursor?

    init(_ request: Request) throws(DomainError) {
        // The raw query, decoded as a form is: see ``FormFields``.
        let values = FormFields(request.uri.query ?? "").values
        query = values
        var check = IssueCollector()
        var limit = 50
        if let text = values["limit"] {
            if let parsed = Int(text), (1...200).contains(parsed) {
                limit = parsed
            } else {
                check.add(.outOfRange("limit", "limit must be a whole number from 1 to 200."))
            }
        }
        self.limit = limit
        var cursor: Cursor?
        if let text = values["cursor"], !text.isEmpty {
            cursor = Cursor(encoded: text)
            if cursor == nil { check.add(.invalid("cursor", "cursor is not one this server issued; start from the first page.")) }
        }
        self.cursor = cursor
        try check.check()
    }

    subscript(_ key: String) -> String? {
        query[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// An identifier parameter, checked for its entity prefix.
    func id<Entity>(_ key: String) throws(DomainError) -> Identifier<Entity>? {
        guard let text = self[key] else { return nil }
        guard let id = Identifier<Entity>(parsing: text) else {
            throw .invalid([.invalid(key, "\(key) '\(text)' is not a \(Entity.idPrefix)_… identifier.")])
        }
        return id
    }

    /// An enum parameter, checked against its cases.
    func value<E: RawRepresentable & CaseIterable>(_ key: String, as type: E.Type) throws(DomainError) -> E? where E.RawValue == String {
        guard let text = self[key] else { return nil }
        guard let value = E(rawValue: text) else {
            throw .invalid([.unknown(key, value: text, allowed: E.allCases.map(\.rawValue))])
        }
        return value
    }

    /// `sort=name|-name|created|-created|updated|-updated` for people.
    func personOrder() throws(DomainError) -> ListOrder {
        let columns = ["name": "search_family", "created": "created_at", "updated": "updated_at"]
        let text = self["sort"] ?? "-created"
        let descending = text.hasPrefix("-")
        guard let column = columns[String(text.drop(while: { $0 == "-" }))] else {
            throw .invalid([.unknown("sort", value: text, allowed: ["name", "-name", "created", "-created", "updated", "-updated"])])
        }
        return ListOrder(column: column, descending: descending)
    }
}

extension Request {
    /// A path parameter parsed as an identifier of `Entity`; a malformed one is a 404.
    func pathID<Entity>(_ context: AppRequestContext, _ name: String = "id", entity: String) throws -> Identifier<Entity> {
        let text = try context.parameters.require(name)
        guard let id = Identifier<Entity>(parsing: text) else { throw DomainError.notFound(entity: entity, id: text) }
        return id
    }

    /// Decodes the JSON body into `T`, refusing bodies over 1 MiB and non-UTF-8 input.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: AppRequestContext) async throws -> T {
        try await decodeJSONIfAny(type, context: context, required: true)!
    }

    /// ``decodeJSON(_:context:)`` for an optional body: nil when the request has none.
    func decodeJSONIfAny<T: Decodable>(_ type: T.Type, context: AppRequestContext, required: Bool = false) async throws -> T? {
        var request = self
        let buffer = try await request.collectBody(upTo: 1 << 20)
        let data = Data(buffer: buffer)
        if !required, data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
        guard String(data: data, encoding: .utf8) != nil else {
            throw DomainError.invalid([FieldIssue(field: "body", code: "invalid_utf8", message: "The body must be UTF-8 encoded JSON.")])
        }
        return try JSONCoding.decoder.decode(T.self, from: data)
    }
}
