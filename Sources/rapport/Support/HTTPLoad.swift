import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A closed-loop HTTP/1.1 load generator for benchmarks on loopback: `connections`
/// keep-alive sockets, each sending its next GET as soon as the previous response is in, for
/// `duration`, every latency recorded. Bounded in time and count; talks only to 127.0.0.1.
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

    /// One thread drives every connection, waiting in `poll` for whichever answers next, as
    /// `wrk` does with `epoll`, instead of a blocking thread per connection (the first
    /// version): on a 2-core machine shared with the server, 50 runnable load threads add
    /// their scheduling and switches to what is measured. (Side by side on the 1M store the two
    /// gave the same figures within the machine's noise; this one is simply the lighter.)
    private func runBlocking(path: @escaping @Sendable (Int) -> String) -> Result {
        let started = Date()
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(duration * 1e9)
        var clients: [Client] = []
        var failures = 0
        for index in 0..<connections {
            guard let socket = Self.connect(port: port) else { failures += 1; continue }
            _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
            clients.append(Client(socket: socket, next: index * 7919))
        }
        defer { for client in clients { close(client.socket) } }
        var latencies: [Double] = []
        latencies.reserveCapacity(1 << 20)
        for index in clients.indices where !send(&clients[index], path: path) {
            clients[index].closed = true
            failures += 1
        }
        var waiting = clients.indices.filter { !clients[$0].closed }
        var fds = [pollfd]()
        while !waiting.isEmpty {
            fds = waiting.map { pollfd(fd: clients[$0].socket, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            var stillWaiting: [Int] = []
            stillWaiting.reserveCapacity(waiting.count)
            for (slot, index) in waiting.enumerated() {
                guard fds[slot].revents != 0 else {
                    stillWaiting.append(index)
                    continue
                }
                switch receive(&clients[index]) {
                case .pending:
                    stillWaiting.append(index)
                case .failed:
                    failures += 1
                case .response(let status, let seconds):
                    if status == 200 { latencies.append(seconds) } else { failures += 1 }
                    guard DispatchTime.now().uptimeNanoseconds < deadline, latencies.count < 10_000_000 else { continue }
                    if send(&clients[index], path: path) { stillWaiting.append(index) } else { failures += 1 }
                }
            }
            waiting = stillWaiting
        }
        let seconds = Date().timeIntervalSince(started)
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] * 1000
        }
        return Result(requests: latencies.count, failures: failures, seconds: seconds, p50: percentile(0.5), p99: percentile(0.99))
    }

    /// One keep-alive connection: its socket, the request it waits for, and what has arrived.
    private struct Client {
        let socket: Int32
        var next: Int
        var sentAt: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        var filled = 0
        var headerEnd: Int?
        var closed = false
    }

    private enum Progress {
        case pending
        case failed
        case response(status: Int, seconds: Double)
    }

    /// Sends the client's next GET (a few hundred bytes: one `send` on an idle socket).
    private func send(_ client: inout Client, path: (Int) -> String) -> Bool {
        client.next += 1
        var request = "GET \(path(client.next)) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        client.filled = 0
        client.headerEnd = nil
        client.sentAt = DispatchTime.now().uptimeNanoseconds
        let bytes = Array(request.utf8)
        let socket = client.socket
        return bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) } == bytes.count
    }

    /// Reads what the socket has; a response is complete once its headers and `Content-Length`
    /// bytes of body are in.
    private func receive(_ client: inout Client) -> Progress {
        while true {
            if client.headerEnd == nil, client.filled >= 4 {
                for i in 3..<client.filled
                where client.buffer[i - 3] == 13 && client.buffer[i - 2] == 10 && client.buffer[i - 1] == 13
                    && client.buffer[i] == 10
                {
                    client.headerEnd = i + 1
                    break
                }
            }
            if let end = client.headerEnd {
                guard let status = Self.statusCode(client.buffer, end), let length = Self.contentLength(client.buffer, end)
                else { return .failed }
                if client.filled >= end + length {
                    return .response(
                        status: status, seconds: Double(DispatchTime.now().uptimeNanoseconds - client.sentAt) / 1e9)
                }
                if end + length > client.buffer.count {
                    client.buffer += [UInt8](repeating: 0, count: end + length - client.buffer.count)
                }
            } else if client.filled == client.buffer.count {
                return .failed
            }
            let socket = client.socket
            let filled = client.filled
            let n = client.buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + filled, $0.count - filled, 0) }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return .pending }
            guard n > 0 else { return .failed }
            client.filled += n
        }
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

    /// The status code of `HTTP/1.1 200 OK`: the three digits after the first space.
    ///
    /// Read from the bytes, without building strings: the generator runs on the same two
    /// cores as the server, so what it spends per response is taken from the server.
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
