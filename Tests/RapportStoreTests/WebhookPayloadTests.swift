import Foundation
import RapportCore
@testable import RapportStore
import Testing

@Suite("Webhook payloads: written directly, byte for byte what JSONEncoder writes (R10.2)")
struct WebhookPayloadTests {
    /// How receivers were sent events before they were written directly.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }()

    @Test(arguments: [
        "per_01M8YEG1E4Y8TYFZF6G96ME6CW", "", "a/b\\c", "say \"hi\"", "tab\there\nline\r\u{08}\u{0C}",
        "\u{01}\u{1F}\u{7F}", "Łukasz Żółć 🇵🇱", "é\u{301}",
    ])
    func thePayloadIsTheEncodersBytes(entityID: String) throws {
        for type in [WebhookEventType.personCreated, .personUpdated, .quarantineCreated, .ping] {
            let event = WebhookEvent(
                id: IDGenerator.live.make(), type: type, entityID: entityID,
                occurredAt: Date(timeIntervalSince1970: 1_796_000_000.123))
            let encoded = String(decoding: try Self.encoder.encode(event), as: UTF8.self)
            #expect(Array(event.payload.utf8) == Array(encoded.utf8), "\(event.payload) against \(encoded)")
        }
    }
}
