import Foundation
import RapportCore

/// The fields of a `multipart/form-data` body (RFC 7578), as browsers send a form with a
/// file input. The body is already in memory and bounded by the caller (the import page
/// takes at most ``MultipartForm/uploadLimit``); parts are kept as bytes, so a file in any
/// encoding arrives unchanged.
struct MultipartForm {
    struct Part {
        let filename: String?
        let bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The largest upload a form may carry: 50 MiB. Larger files go through `rapport import`.
    static let uploadLimit = 50 << 20

    let parts: [String: Part]

    subscript(_ name: String) -> Part? { parts[name] }

    /// The boundary named by a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(in contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Reads `body`; parts without a name are skipped, and a body without the boundary has no parts.
    init(_ body: some Collection<UInt8>, boundary: String) {
        let bytes = Array(body)
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [String: Part] = [:]
        var starts: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: bytes, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        for (start, end) in zip(starts, starts.dropFirst()) {
            var from = start + delimiter.count
            if bytes[from...].starts(with: [0x0D, 0x0A]) { from += 2 }
            var to = end
            if to - 2 >= from, bytes[to - 2] == 0x0D, bytes[to - 1] == 0x0A { to -= 2 }
            guard let split = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: from), split <= to else { continue }
            let headers = String(decoding: bytes[from..<split], as: UTF8.self)
            guard let name = Self.parameter("name", in: headers) else { continue }
            parts[name] = Part(filename: Self.parameter("filename", in: headers), bytes: Array(bytes[(split + 4)..<to]))
        }
        self.parts = parts
    }

    /// `name="value"` from the part's `Content-Disposition` header.
    private static func parameter(_ key: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for item in line.split(separator: ";").dropFirst() {
                let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
                if pair.count == 2, pair[0] == key { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
