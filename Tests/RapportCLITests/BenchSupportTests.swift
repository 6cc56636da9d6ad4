import Foundation
import Logging
import Testing

@testable import rapport

/// The load generator's reading of response heads, and the text log handler.
struct BenchSupportTests {
    private func head(_ text: String) -> (bytes: [UInt8], end: Int) {
        let bytes = Array(text.utf8)
        return (bytes + Array(repeating: 0, count: 16), bytes.count)
    }

    @Test func theGeneratorReadsStatusAndContentLengthFromTheBytesOfAHead() {
        let ok = head("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 1234\r\n\r\n")
        #expect(HTTPLoad.statusCode(ok.bytes, ok.end) == 200)
        #expect(HTTPLoad.contentLength(ok.bytes, ok.end) == 1234)
        let missing = head("HTTP/1.1 404 Not Found\r\nCONTENT-LENGTH:7\r\n\r\n")
        #expect(HTTPLoad.statusCode(missing.bytes, missing.end) == 404)
        #expect(HTTPLoad.contentLength(missing.bytes, missing.end) == 7)
        let empty = head("HTTP/1.1 204 No Content\r\nContent-Type: text/plain\r\n\r\n")
        #expect(HTTPLoad.contentLength(empty.bytes, empty.end) == 0, "no Content-Length: no body")
        let broken = head("HTTP/1.1 2x0 OK\r\nContent-Length: 12a\r\n\r\n")
        #expect(HTTPLoad.statusCode(broken.bytes, broken.end) == nil)
        #expect(HTTPLoad.contentLength(broken.bytes, broken.end) == nil)
    }

    /// Lines written through ``TextLogHandler``, kept for the test.
    private final class Lines: TextOutputStream, @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func write(_ string: String) { lock.withLock { text += string } }
        var written: String { lock.withLock { text } }
    }

    /// Metadata that formats itself, counting how often it is turned into text.
    private final class Counted: CustomStringConvertible, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var formatted: Int { lock.withLock { count } }
        var description: String {
            lock.withLock { count += 1 }
            return "req-1"
        }
    }

    @Test func textLogsFormatMetadataOnlyForLinesThatAreWritten() {
        let lines = Lines()
        let counted = Counted()
        var logger = Logger(label: "test") { TextLogHandler(label: $0, stream: lines) }
        logger.logLevel = .info
        logger[metadataKey: "request"] = .stringConvertible(counted)
        logger.debug("below the level")
        #expect(counted.formatted == 0, "setting metadata and skipped lines format nothing")
        #expect(lines.written.isEmpty)
        logger.info("served", metadata: ["status": "200"])
        #expect(counted.formatted == 1)
        #expect(lines.written.hasSuffix(" info test: request=req-1 status=200 [RapportCLITests] served\n"), "\(lines.written)")
    }
}
