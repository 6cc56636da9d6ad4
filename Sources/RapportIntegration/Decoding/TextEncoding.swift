/// A character encoding an imported file can arrive in.
///
/// The raw value is the label stored with the import (and accepted on the command line):
/// `utf-8`, `utf-16le`, `utf-16be`, `iso-8859-2`, `windows-1250`.
public enum TextEncoding: String, Codable, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    /// ISO-8859-2 (Latin-2), Central European, used by older Polish Unix software.
    case iso8859_2 = "iso-8859-2"
    /// Windows-1250, what Polish Windows programs (and Excel) export.
    case windows1250 = "windows-1250"

    /// Reads a label as people and tools write it: `UTF8`, `cp1250`, `latin2`, `ISO_8859-2`, …
    /// Case, `-` and `_` are ignored.
    public init?(label: String) {
        let key = String(label.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "utf8": self = .utf8
        case "utf16le": self = .utf16LittleEndian
        case "utf16be": self = .utf16BigEndian
        case "iso88592", "latin2", "l2", "iso885921987": self = .iso8859_2
        case "windows1250", "cp1250", "win1250", "ms1250": self = .windows1250
        default: return nil
        }
    }

    /// The name shown to people: "UTF-8", "Windows-1250", …
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16 LE"
        case .utf16BigEndian: "UTF-16 BE"
        case .iso8859_2: "ISO-8859-2"
        case .windows1250: "Windows-1250"
        }
    }

    /// The byte order mark that announces this encoding, if it has one.
    var byteOrderMark: [UInt8]? {
        switch self {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16LittleEndian: [0xFF, 0xFE]
        case .utf16BigEndian: [0xFE, 0xFF]
        case .iso8859_2, .windows1250: nil
        }
    }

    /// The encodings whose byte order mark is recognised, longest mark first.
    static let markedEncodings: [TextEncoding] = [.utf8, .utf16LittleEndian, .utf16BigEndian]
}

/// What to do with Windows line ends (CR LF).
public enum LineEndingHandling: String, Codable, Sendable {
    /// CR LF becomes LF, so the text splits into lines on `"\n"` alone (Swift treats `"\r\n"`
    /// as one `Character`, which `split(separator: "\n")` does not split). A lone CR is kept.
    case lineFeed = "lf"
    /// The text keeps its line ends byte for byte.
    case keep
}

/// Which line ends a decoded text contained, for the import's record.
public enum LineEndingStyle: String, Codable, Sendable {
    /// No line break at all.
    case none
    /// LF only (Unix, macOS).
    case lf
    /// CR LF only (Windows).
    case crlf
    /// Both.
    case mixed
}

/// A whole file decoded, with what was found out about it.
public struct DecodedText: Hashable, Sendable {
    public let text: String
    public let report: TextDecodingReport
}

/// How a file was read, to be stored with the import: the encoding used (given or detected),
/// whether a byte order mark was removed, the line ends seen and the byte count.
public struct TextDecodingReport: Hashable, Codable, Sendable {
    public var encoding: TextEncoding
    /// Whether the encoding was detected (true) or given by the caller (false).
    public var detected: Bool
    /// Whether a byte order mark opened the file (it is not part of the text).
    public var byteOrderMark: Bool
    public var lineEndings: LineEndingStyle
    /// Bytes read, byte order mark included.
    public var byteCount: Int
}
