import Foundation
import Logging
import RapportStore

/// Timings for the benchmarks: milliseconds on the monotonic clock.
enum BenchClock {
    /// How long `body` takes, in milliseconds.
    static func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
        let started = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
    }

    /// Runs `body` `runs` times after one untimed warm-up; the best and the median time.
    static func repeated(_ runs: Int, _ body: () async throws -> Void) async rethrows -> (best: Double, median: Double) {
        try await body()
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(try await milliseconds(body)) }
        times.sort()
        return (times[0], times[times.count / 2])
    }
}

/// The SQLite store of a benchmark's data folder, opened quietly and always closed.
enum BenchStore {
    static func with(dataDirectory: String, _ body: (Store) async throws -> Void) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let store = try await Store.open(.dataDirectory(dataDirectory), logger: logger)
        do {
            try await body(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
