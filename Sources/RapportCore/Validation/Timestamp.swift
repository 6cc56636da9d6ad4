import Foundation

/// Instants are stored and exchanged as fixed-width ISO 8601 UTC text with milliseconds,
/// `2026-11-23T15:04:05.123Z`, which sorts correctly as a string on every database.
public enum Timestamp {
    /// Formats an instant.
    public static func format(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = Date(timeIntervalSince1970: TimeInterval(ms / 1000))
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: seconds)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
            Int(((ms % 1000) + 1000) % 1000))
    }

    /// Parses ISO 8601 with or without fractional seconds; a bare date means midnight UTC.
    public static func parse(_ text: String) -> Date? {
        if let day = LocalDate(iso: text) { return day.date }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}

extension Timestamp {
    /// The current instant, formatted.
    public static func now() -> String { format(Date()) }
}
