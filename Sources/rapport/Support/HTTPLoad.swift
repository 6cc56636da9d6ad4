import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A closed-loop HTTP/1.1 load generator for benchmarks on loopback: `connections`
/// threads, each with one keep-alive socket, send GET requests back to back for `duration`
/// and record every latency. Bounded in time and count; talks only to 127.0.0.1.
struct HTTPLoad: Sendable {
    let port: UInt16
    let connections: Int
    let duration: TimeInterval
    let headers: [String: String]

    struct Result {
        let requests: Int
        let failures: Int
        let seconds: Double
        let p50: Double
        let p99: Double
        var perSecond: Double { Double(requests) / seconds }
    }

    /// Runs the load; `path(i)` gives the path of the i-th request of a connection.
    ///
    /// The waiting for the load threads happens on a thread of its own: blocking the caller's
    /// task would take one of Swift concurrency's threads (one of two on a 2-core machine)
    /// away from the server being measured for the whole run.
    func run(path: @escaping @Sendable (Int) -> String) async -> Result {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: runBlocking(path: path)) }
        }
    }

    private func runBlocking(path: @escaping @Sendable (Int) -> String) -> Result {
        let collected = Collected()
        let group = DispatchGroup()
        let started = Date()
        for connection in 0..<connections {
            group.enter()
            Thread.detachNewThread {
                let (mine, failed) = worker(seed: connection, path: path)
                collected.add(mine, failures: failed)
                group.leave()
            }
        }
        group.wait()
        let seconds = Date().timeIntervalSince(started)
        let latencies = collected.latencies.sorted()
        let failures = collected.failures
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] * 1000
        }
        return Result(requests: latencies.count, failures: failures, seconds: seconds, p50: percentile(0.5), p99: percentile(0.99))
    }

    /// Latencies gathered from every connection's thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var latencies: [Double] = []
        private(set) var failures = 0

        func add(_ values: [Double], failures count: Int) {
            lock.lock()
            latencies += values
            failures += count
            lock.unlock()
        }
    }

    private func worker(seed: Int, path: (Int) -> String) -> ([Double], Int) {
        var latencies: [Double] = []
        var failures = 0
        guard let socket = Self.connect(port: port) else { return ([], 1) }
        defer { close(socket) }
        let deadline = Date().addingTimeInterval(duration)
        var index = seed * 7919
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        while Date() < deadline && latencies.count < 10_000_000 {
            index += 1
            var request = "GET \(path(index)) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            request += "\r\n"
            let start = DispatchTime.now().uptimeNanoseconds
            let sent = request.utf8CString.withUnsafeBufferPointer { send(socket, $0.baseAddress, $0.count - 1, 0) }
            guard sent > 0, let status = Self.readResponse(socket, &buffer) else { failures += 1; break }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if status == 200 { latencies.append(elapsed) } else { failures += 1 }
        }
        return (latencies, failures)
    }

    private static func connect(port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); return nil }
        return fd
    }

    /// Reads one response (headers + Content-Length body); returns its status code.
    private static func readResponse(_ fd: Int32, _ buffer: inout [UInt8]) -> Int? {
        var filled = 0
        var headerEnd: Int?
        while headerEnd == nil {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + filled, $0.count - filled, 0) }
            guard n > 0 else { return nil }
            filled += n
            if filled >= 4 {
                for i in 3..<filled where buffer[i - 3] == 13 && buffer[i - 2] == 10 && buffer[i - 1] == 13 && buffer[i] == 10 {
                    headerEnd = i + 1
                    break
                }
            }
            if filled == buffer.count { return nil }
        }
        guard let status = statusCode(buffer, headerEnd!), let length = contentLength(buffer, headerEnd!) else { return nil }
        var remaining = headerEnd! + length - filled
        while remaining > 0 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, min($0.count, remaining), 0) }
            guard n > 0 else { return nil }
            remaining -= n
        }
        return status
    }

    /// The status code of `HTTP/1.1 200 OK`: the three digits after the first space.
    ///
    /// Read from the bytes, without building strings: with 50 load threads on the same two
    /// cores as the server, what the generator spends per response is taken from the server.
    static func statusCode(_ buffer: [UInt8], _ headerEnd: Int) -> Int? {
        guard let space = buffer[0..<headerEnd].firstIndex(of: UInt8(ascii: " ")), space + 3 < headerEnd else { return nil }
        return number(buffer[(space + 1)..<(space + 4)])
    }

    /// The value of the `Content-Length` header (any case), 0 when there is none.
    static func contentLength(_ buffer: [UInt8], _ headerEnd: Int) -> Int? {
        let name = Array("content-length:".utf8)
        var lineStart = 0
        while lineStart < headerEnd {
            var lineEnd = lineStart
            while lineEnd < headerEnd && buffer[lineEnd] != 13 { lineEnd += 1 }
            if lineEnd - lineStart > name.count
                && zip(buffer[lineStart..<(lineStart + name.count)], name).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
            {
                var digits = lineStart + name.count
                while buffer[digits] == UInt8(ascii: " ") { digits += 1 }
                return number(buffer[digits..<lineEnd])
            }
            lineStart = lineEnd + 2
        }
        return 0
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
