import Foundation
import RapportCore

extension WebhookEvent {
    /// The body receivers get: the event as `JSONEncoder` would write it with sorted keys,
    /// instants in Rapport's ISO 8601 form and slashes unescaped, but written directly: every
    /// ingested record can write an event, and `JSONEncoder`'s generic machinery cost more than
    /// the event's row. A test holds the two to the same bytes.
    var payload: String {
        var json = #"{"data":{"id":"#
        Self.appendQuoted(data.id, to: &json)
        json += #","object":"#
        Self.appendQuoted(data.object, to: &json)
        json += #","url":"#
        Self.appendQuoted(data.url, to: &json)
        json += #"},"id":"#
        Self.appendQuoted(id.rawValue, to: &json)
        json += #","occurredAt":"#
        Self.appendQuoted(Timestamp.format(occurredAt), to: &json)
        json += #","type":"#
        Self.appendQuoted(type.rawValue, to: &json)
        json += "}"
        return json
    }

    /// Appends `text` as a JSON string, escaped as `JSONEncoder` escapes it: quote, backslash
    /// and the control characters below U+0020, the common ones by their short forms.
    static func appendQuoted(_ text: String, to json: inout String) {
        json += "\""
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            json += text
            json += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "\u{08}": json += "\\b"
            case "\u{0C}": json += "\\f"
            case let control where control.value < 0x20:
                json += "\\u00" + (control.value < 0x10 ? "0" : "") + String(control.value, radix: 16)
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }
}
