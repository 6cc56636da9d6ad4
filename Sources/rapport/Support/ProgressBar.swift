import Foundation

/// A one-line progress bar for long CLI jobs: done/total, rate per second and ETA.
///
/// It redraws at most ten times a second on standard error, so it costs nothing on hot
/// loops and never mixes with output written to standard out (CSV, JSON).
final class ProgressBar {
    private let total: Int
    private let label: String
    private let started = Date()
    private var done = 0
    private var lastDraw = Date.distantPast
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0

    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
    }

    /// Records `count` more finished units and redraws if a tenth of a second has passed.
    func advance(by count: Int = 1) {
        done += count
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.1 || done >= total {
            lastDraw = now
            draw(now: now, final: false)
        }
    }

    /// Draws the final state and ends the line.
    func finish() {
        draw(now: Date(), final: true)
    }

    private func draw(now: Date, final: Bool) {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let fraction = min(Double(done) / Double(total), 1)
        let width = 28
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let line = String(
            format: "%@ [%@] %3.0f%% %d/%d  %.0f/s  %@ %@",
            label, bar, fraction * 100, done, total, rate,
            final ? "took" : "ETA", Self.clock(final ? elapsed : remaining))
        if isTerminal {
            FileHandle.standardError.write(Data(("\r" + line + (final ? "\n" : "")).utf8))
        } else if final {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
