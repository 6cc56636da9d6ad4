/// Turns SQLKit's binds (`any Encodable`) into the four SQLite storage classes, the way
/// SQLiteNIO stores them: text, integers (flags as 0 and 1), doubles, and NULL for an
/// absent optional.
extension QueryValue {
    /// The value `bind` is stored as; `nil` when it is none of the storage classes (a
    /// nested structure, which Rapport never binds: it stores JSON as text it encoded).
    static func bound(_ bind: any Encodable) -> QueryValue? {
        switch bind {
        case let value as QueryValue: return value
        case let value as String: return .text(value)
        case let value as Int: return .integer(Int64(value))
        case let value as Int64: return .integer(value)
        case let value as Double: return .real(value)
        case let value as Bool: return .integer(value ? 1 : 0)
        default:
            let encoder = SingleValueCapture()
            guard (try? bind.encode(to: encoder)) != nil else { return nil }
            return encoder.value
        }
    }
}

/// An encoder that accepts exactly one single value (what `Optional` and the other
/// scalars write) and refuses containers.
private final class SingleValueCapture: Encoder, SingleValueEncodingContainer {
    var value: QueryValue?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    struct NotAScalar: Error {}

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RefusingContainer<Key>())
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { RefusingContainer<SQLBindKey>() }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { value = .null }
    func encode(_ value: Bool) throws { self.value = .integer(value ? 1 : 0) }
    func encode(_ value: String) throws { self.value = .text(value) }
    func encode(_ value: Double) throws { self.value = .real(value) }
    func encode(_ value: Float) throws { self.value = .real(Double(value)) }
    func encode(_ value: Int) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int8) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int16) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int32) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { self.value = .integer(value) }
    func encode(_ value: UInt) throws { try integer(value) }
    func encode(_ value: UInt8) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt16) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt32) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt64) throws { try integer(value) }

    func encode<T: Encodable>(_ value: T) throws {
        guard let scalar = QueryValue.bound(value) else { throw NotAScalar() }
        self.value = scalar
    }

    private func integer<T: FixedWidthInteger>(_ value: T) throws {
        guard let exact = Int64(exactly: value) else { throw NotAScalar() }
        self.value = .integer(exact)
    }
}

/// The key type of the refused containers.
private struct SQLBindKey: CodingKey {
    var stringValue: String { "" }
    var intValue: Int? { nil }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// A container that fails on first use: a bind with fields is not a column value.
private struct RefusingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, UnkeyedEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    var count: Int { 0 }

    mutating func encodeNil(forKey key: Key) throws { throw SingleValueCapture.NotAScalar() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw SingleValueCapture.NotAScalar() }
    mutating func encodeNil() throws { throw SingleValueCapture.NotAScalar() }
    mutating func encode<T: Encodable>(_ value: T) throws { throw SingleValueCapture.NotAScalar() }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy keyType: Nested.Type, forKey key: Key)
        -> KeyedEncodingContainer<Nested>
    {
        KeyedEncodingContainer(RefusingContainer<Nested>())
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self }
    mutating func superEncoder() -> any Encoder { SingleValueCapture() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueCapture() }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy keyType: Nested.Type) -> KeyedEncodingContainer<Nested> {
        KeyedEncodingContainer(RefusingContainer<Nested>())
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
}
