import Foundation
import Logging
import Synchronization

/// Logs one JSON object per line on standard error — time, level, logger, message and
/// metadata as fields — for log collectors. Chosen with `--log-format json` or
/// `RAPPORT_LOG_FORMAT=json`; the default stays swift-log's readable text.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) { fields[key] = "\(value)" }
        fields["ts"] = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        fields["level"] = level.rawValue
        fields["logger"] = label
        fields["source"] = source
        fields["msg"] = message.description
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}

/// Chooses the log output once per process.
enum LogFormat {
    private static let installed = Mutex(false)

    /// Installs the JSON handler when asked, ``TextLogHandler`` otherwise. The first call
    /// wins: swift-log allows one bootstrap, and later calls (another command in the same
    /// process, a test) keep the output already chosen.
    static func bootstrap(json: Bool) {
        installed.withLock { done in
            guard !done else { return }
            done = true
            if json {
                LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
            } else {
                LoggingSystem.bootstrap { TextLogHandler(label: $0) }
            }
        }
    }
}
