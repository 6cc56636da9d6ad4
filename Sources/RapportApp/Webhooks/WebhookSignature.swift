import Crypto
import Foundation

/// The `Rapport-Signature` header, in the manner of Stripe's: `t=<unix seconds>,v1=<hex>`
/// where the hex is HMAC-SHA256, keyed with the subscription's secret, of `"<t>.<body>"`.
/// Signing the time with the body lets receivers refuse replays of old deliveries.
public enum WebhookSignature {
    /// The header value for `body` sent at `time`.
    public static func header(for body: [UInt8], secret: String, at time: Date) -> String {
        let seconds = Int(time.timeIntervalSince1970)
        return "t=\(seconds),v1=\(hex(body, timestamp: seconds, secret: secret))"
    }

    /// What a receiver does: parse the header, recompute the HMAC, compare in constant time
    /// and reject a timestamp more than `tolerance` seconds from `now`.
    public static func isValid(
        _ header: String, body: [UInt8], secret: String, now: Date, tolerance: TimeInterval = 300
    )
        -> Bool
    {
        var timestamp: Int?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let expected = Array(hex(body, timestamp: timestamp, secret: secret).utf8)
        return signatures.contains { constantTimeEqual(Array($0.utf8), expected) }
    }

    static func hex(_ body: [UInt8], timestamp: Int, secret: String) -> String {
        var message = Array("\(timestamp).".utf8)
        message.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
