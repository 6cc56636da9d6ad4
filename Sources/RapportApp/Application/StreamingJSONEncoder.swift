import Foundation
import RapportCore

/// Encodes `Encodable` values to JSON bytes in one pass, writing each value as it is
/// encoded instead of first building a tree the way Foundation's `JSONEncoder` does.
///
/// Why: encoding the customer 360 with `JSONEncoder` took about a quarter of the CPU of
/// an API read. The output is the API's JSON: dates as ``Timestamp`` text, nil optionals
/// left out, slashes unescaped, keys in declaration order (not sorted).
///
/// How containers are closed: `Encodable` never says when it is done with a container, so
/// the writer keeps a stack of open objects and arrays and closes every container deeper
/// than the one being written to before its next key or element, and after the value
/// that opened them returns.
public enum StreamingJSONEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = JSONStreamWriter()
        try writer.encodeValue(value, codingPath: [])
        writer.close(deeperThan: 0)
        return writer.bytes
    }
}

/// The output buffer and the stack of open containers.
final class JSONStreamWriter {
    private(set) var bytes: [UInt8] = []
    private var open: [(isObject: Bool, count: Int)] = []

    init() {
        bytes.reserveCapacity(4096)
    }

    var depth: Int { open.count }

    func close(deeperThan depth: Int) {
        while open.count > depth {
            bytes.append(open.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    func beginContainer(object: Bool) {
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((object, 0))
    }

    /// Prepares the container at `depth` for its next member: closes deeper containers
    /// and writes the separating comma.
    func nextMember(at depth: Int) {
        close(deeperThan: depth)
        if open[depth - 1].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[depth - 1].count += 1
    }

    func key(_ key: String, at depth: Int) {
        nextMember(at: depth)
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    func literal(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    func double(_ value: Double, codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not valid JSON"))
        }
        // Always with a decimal point or exponent ("2.0", not "2"), so clients that read
        // numbers by their spelling (JSONSerialization on Linux among them) get a double.
        literal(value.description)
    }

    func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes one value in the current slot. Dates are text; any other value writes
    /// itself through a ``StreamingEncoder`` and its containers are closed when it returns.
    func encodeValue<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: string(text)
        case let date as Date: string(Timestamp.format(date))
        case let flag as Bool: literal(flag ? "true" : "false")
        case let number as Int: literal(String(number))
        case let number as Int64: literal(String(number))
        case let number as Double: try double(number, codingPath: codingPath)
        default:
            let depth = self.depth
            let start = bytes.count
            try value.encode(to: StreamingEncoder(writer: self, codingPath: codingPath))
            if bytes.count == start { literal("{}") }
            close(deeperThan: depth)
        }
    }
}
