import SQLKit

/// One result row read on a ``DirectConnection``, copied out of SQLite so it outlives the
/// statement. It is an `SQLRow`, so repositories decode it with the same column helpers
/// as rows from SQLKit.
struct DirectRow: SQLRow {
    /// Column names to positions, shared by every row of one statement.
    final class Columns: Sendable {
        let names: [String]
        let positions: [String: Int]

        init(names: [String]) {
            self.names = names
            var positions: [String: Int] = [:]
            for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
            self.positions = positions
        }
    }

    let columns: Columns
    let values: [QueryValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool {
        columns.positions[column] != nil
    }

    func decodeNil(column: String) throws -> Bool {
        try value(column) == .null
    }

    /// Decodes the types Rapport stores (text, integers, doubles, flags, and optionals of
    /// them) without going through a `Decoder`.
    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        // The column helpers ask for these on every row of a 360: answered by comparing
        // types, without the failed casts of the general path below.
        switch value {
        case .text(let text) where D.self == String.self || D.self == String?.self: return text as! D
        case .integer(let number) where D.self == Int64.self: return number as! D
        case .integer(let number) where D.self == Int.self: return Int(number) as! D
        case .null where D.self == String?.self: return String?.none as! D
        default: break
        }
        switch value {
        case .null:
            if let optional = D.self as? any ExpressibleByNilLiteral.Type, let none = optional.init(nilLiteral: ()) as? D {
                return none
            }
        case .text(let text):
            if let result = text as? D { return result }
        case .integer(let number):
            if let result = number as? D { return result }
            if let result = Int(number) as? D { return result }
            if let result = Double(number) as? D { return result }
            if let result = (number != 0) as? D { return result }
        case .real(let number):
            if let result = number as? D { return result }
            if number.rounded() == number, let result = Int(exactly: number) as? D { return result }
        }
        throw DecodingError.typeMismatch(
            D.self, .init(codingPath: [], debugDescription: "column \(column) holds \(value), not \(D.self)"))
    }

    private func value(_ column: String) throws -> QueryValue {
        guard let position = columns.positions[column] else {
            throw DecodingError.keyNotFound(
                SQLCodingKey(stringValue: column), .init(codingPath: [], debugDescription: "no column \(column) in the result"))
        }
        return values[position]
    }
}

/// A coding key for a column name.
private struct SQLCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
