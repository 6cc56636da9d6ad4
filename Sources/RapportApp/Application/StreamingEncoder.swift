/// The `Encoder` behind ``StreamingJSONEncoder``: every container writes straight into
/// the shared ``JSONStreamWriter``.
struct StreamingEncoder: Encoder {
    let writer: JSONStreamWriter
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.beginContainer(object: true)
        return KeyedEncodingContainer(StreamingKeyedContainer<Key>(writer: writer, depth: writer.depth, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.beginContainer(object: false)
        return StreamingUnkeyedContainer(writer: writer, depth: writer.depth, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamingSingleValueContainer(writer: writer, codingPath: codingPath)
    }
}

struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    /// The stack depth of this object while it is open.
    let depth: Int
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.literal("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        try writer.encodeValue(value, codingPath: codingPath + [key])
    }

    // Primitives: required by the protocol, each written directly.
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.literal(value ? "true" : "false")
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.string(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        try writer.double(value, codingPath: codingPath + [key])
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        try writer.double(Double(value), codingPath: codingPath + [key])
    }

    private func integer(_ value: some BinaryInteger, _ key: Key) {
        writer.key(key.stringValue, at: depth)
        writer.literal(String(value))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        writer.key(key.stringValue, at: depth)
        return StreamingEncoder(writer: writer, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.key(key.stringValue, at: depth)
        return StreamingEncoder(writer: writer, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.key("super", at: depth)
        return StreamingEncoder(writer: writer, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.key(key.stringValue, at: depth)
        return StreamingEncoder(writer: writer, codingPath: codingPath + [key])
    }
}

struct StreamingUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let depth: Int
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(writer: JSONStreamWriter, depth: Int, codingPath: [any CodingKey]) {
        self.writer = writer
        self.depth = depth
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws {
        writer.nextMember(at: depth)
        writer.literal("null")
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        writer.nextMember(at: depth)
        count += 1
        try writer.encodeValue(value, codingPath: codingPath)
    }

    mutating func encode(_ value: Bool) throws {
        writer.nextMember(at: depth)
        count += 1
        writer.literal(value ? "true" : "false")
    }

    mutating func encode(_ value: String) throws {
        writer.nextMember(at: depth)
        count += 1
        writer.string(value)
    }

    mutating func encode(_ value: Double) throws {
        writer.nextMember(at: depth)
        count += 1
        try writer.double(value, codingPath: codingPath)
    }

    mutating func encode(_ value: Float) throws {
        writer.nextMember(at: depth)
        count += 1
        try writer.double(Double(value), codingPath: codingPath)
    }

    private mutating func integer(_ value: some BinaryInteger) {
        writer.nextMember(at: depth)
        count += 1
        writer.literal(String(value))
    }

    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.nextMember(at: depth)
        count += 1
        return StreamingEncoder(writer: writer, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.nextMember(at: depth)
        count += 1
        return StreamingEncoder(writer: writer, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.nextMember(at: depth)
        count += 1
        return StreamingEncoder(writer: writer, codingPath: codingPath)
    }
}

struct StreamingSingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        writer.literal("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.encodeValue(value, codingPath: codingPath)
    }

    mutating func encode(_ value: Bool) throws { writer.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { writer.string(value) }
    mutating func encode(_ value: Double) throws { try writer.double(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { try writer.double(Double(value), codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { writer.literal(String(value)) }
    mutating func encode(_ value: Int8) throws { writer.literal(String(value)) }
    mutating func encode(_ value: Int16) throws { writer.literal(String(value)) }
    mutating func encode(_ value: Int32) throws { writer.literal(String(value)) }
    mutating func encode(_ value: Int64) throws { writer.literal(String(value)) }
    mutating func encode(_ value: UInt) throws { writer.literal(String(value)) }
    mutating func encode(_ value: UInt8) throws { writer.literal(String(value)) }
    mutating func encode(_ value: UInt16) throws { writer.literal(String(value)) }
    mutating func encode(_ value: UInt32) throws { writer.literal(String(value)) }
    mutating func encode(_ value: UInt64) throws { writer.literal(String(value)) }
}
