/// A value bound to a `?` placeholder of a read through ``Database/read(_:_:)`` or a
/// statement of the ``BulkWriter``: the four storage classes both databases share.
public enum QueryValue: Sendable, Hashable, Encodable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let value): try container.encode(value)
        case .real(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// Text, or NULL when absent.
    public static func text(_ value: String?) -> QueryValue {
        value.map(QueryValue.text) ?? .null
    }

    /// An integer, or NULL when absent.
    public static func integer(_ value: Int?) -> QueryValue {
        value.map { .integer(Int64($0)) } ?? .null
    }
}
