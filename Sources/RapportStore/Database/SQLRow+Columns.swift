import Foundation
import RapportCore
import SQLKit

/// Typed column reads shared by every repository, so the portable storage choices
/// (TEXT instants and days, INTEGER flags, typed identifiers) are decoded in one place.
extension SQLRow {
    func text(_ column: String) throws -> String {
        try decode(column: column, as: String.self)
    }

    func optionalText(_ column: String) throws -> String? {
        try decode(column: column, as: String?.self)
    }

    func integer(_ column: String) throws -> Int {
        try decode(column: column, as: Int.self)
    }

    func int64(_ column: String) throws -> Int64 {
        try decode(column: column, as: Int64.self)
    }

    func flag(_ column: String) throws -> Bool {
        try decode(column: column, as: Int.self) != 0
    }

    func instant(_ column: String) throws -> Date {
        let text = try text(column)
        guard let date = Timestamp.parse(text) else { throw StoreError.corruptValue(column: column, value: text) }
        return date
    }

    func optionalInstant(_ column: String) throws -> Date? {
        try optionalText(column).flatMap(Timestamp.parse)
    }

    func day(_ column: String) throws -> LocalDate? {
        try optionalText(column).flatMap(LocalDate.init(iso:))
    }

    func id<Entity>(_ column: String) throws -> Identifier<Entity> {
        Identifier(rawValue: try text(column))
    }

    func optionalID<Entity>(_ column: String) throws -> Identifier<Entity>? {
        try optionalText(column).map(Identifier.init(rawValue:))
    }

    func enumValue<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        let raw = try text(column)
        guard let value = E(rawValue: raw) else { throw StoreError.corruptValue(column: column, value: raw) }
        return value
    }

    func optionalEnum<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E? where E.RawValue == String {
        try optionalText(column).flatMap(E.init(rawValue:))
    }
}

/// Failures inside the store that are not the caller's fault.
public enum StoreError: Error, CustomStringConvertible {
    case corruptValue(column: String, value: String)

    public var description: String {
        switch self {
        case .corruptValue(let column, let value): "stored value '\(value.prefix(40))' in column \(column) cannot be read"
        }
    }
}
