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

    func double(_ value: Double, codingPath: @autoclosure () -> [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath(), debugDescription: "\(value) is not valid JSON"))
        }
        // Always with a decimal point or exponent ("2.0", not "2"), so clients that read
        // numbers by their spelling (JSONSerialization on Linux among them) get a double.
        literal(value.description)
    }

    /// Writes `text` as a JSON string. Runs of bytes that need no escape are copied whole:
    /// strings are most of a 360, and appending them byte by byte was a tenth of a first read.
    func string(_ text: String) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var run = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if run < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index])) }
                escape(byte)
                run = index + 1
            }
            if run < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
        case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
        default: bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]])
        }
    }

    /// Writes one value in the current slot. Dates are text; any other value writes
    /// itself through a ``StreamingEncoder`` and its containers are closed when it returns.
    ///
    /// The coding path is built only when needed (a nested encoder, an error): building it
    /// for every member allocated an array per field. Primitives are told apart by their
    /// type, not by casting the value to each candidate in turn.
    func encodeValue<T: Encodable>(_ value: T, codingPath: @autoclosure () -> [any CodingKey]) throws {
        if T.self == String.self {
            string(value as! String)
        } else if T.self == Date.self {
            string(Timestamp.format(value as! Date))
        } else if T.self == Bool.self {
            literal(value as! Bool ? "true" : "false")
        } else if T.self == Int.self {
            literal(String(value as! Int))
        } else if T.self == Int64.self {
            literal(String(value as! Int64))
        } else if T.self == Double.self {
            try double(value as! Double, codingPath: codingPath())
        } else {
            let depth = self.depth
            let start = bytes.count
            try value.encode(to: StreamingEncoder(writer: self, codingPath: codingPath()))
            if bytes.count == start { literal("{}") }
            close(deeperThan: depth)
        }
    }
}
