import Foundation
import RapportCore
import SQLKit

/// Keyset pagination over a whitelisted sort column with the id as tie-breaker.
enum KeysetPaging {
    /// Appends the cursor condition, ORDER BY and LIMIT (one more than asked, to know
    /// whether a next page exists).
    static func apply(order: ListOrder, cursor: Cursor?, limit: Int, to query: inout SQLQueryString) {
        let op = order.descending ? "<" : ">"
        let direction = order.descending ? "DESC" : "ASC"
        if let cursor {
            query.appendInterpolation(unsafeRaw: " AND (\(order.column) \(op) ")
            query.appendInterpolation(bind: cursor.sortValue)
            query.appendInterpolation(unsafeRaw: " OR (\(order.column) = ")
            query.appendInterpolation(bind: cursor.sortValue)
            query.appendInterpolation(unsafeRaw: " AND id \(op) ")
            query.appendInterpolation(bind: cursor.id)
            query.appendInterpolation(unsafeRaw: "))")
        }
        query.appendInterpolation(unsafeRaw: " ORDER BY \(order.column) \(direction), id \(direction) LIMIT \(limit + 1)")
    }

    static func cursor(for person: Person, order: ListOrder) -> Cursor {
        let value: String =
            switch order.column {
            case "search_family": PersonRepository.familyKey(person)
            case "search_name": SearchText.fold(person.displayName)
            case "updated_at": Timestamp.format(person.updatedAt)
            default: Timestamp.format(person.createdAt)
            }
        return Cursor(sortValue: value, id: person.id.rawValue)
    }
}
