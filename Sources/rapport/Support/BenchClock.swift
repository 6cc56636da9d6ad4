import Foundation

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
