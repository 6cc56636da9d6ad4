import Foundation
import RapportApp
import Testing

@Suite("Webhook signatures: t=<unix>,v1=<HMAC-SHA256 of \"t.body\"> (R10.2)")
struct WebhookSignatureTests {
    let body = Array(#"{"id":"evt_1","type":"ping"}"#.utf8)
    let sent = Date(timeIntervalSince1970: 1_700_000_000)

    // MARK: Tests

    @Test func theHeaderIsTheHMACAReceiverComputesFromTheSecret() {
        // Computed independently: Python's hmac.new(b"whsec_test", b"1700000000." + body, sha256).hexdigest().
        #expect(
            WebhookSignature.header(for: body, secret: "whsec_test", at: sent)
                == "t=1700000000,v1=33ff6664879612e191c4e01184f3da32597a3c9b33ca2655fac317d01c5abc3f")
    }

    @Test func receiversAcceptTheRightSignatureAndRejectEveryOther() {
        let header = WebhookSignature.header(for: body, secret: "whsec_test", at: sent)
        #expect(WebhookSignature.isValid(header, body: body, secret: "whsec_test", now: sent.addingTimeInterval(10)))
        #expect(!WebhookSignature.isValid(header, body: body, secret: "whsec_other", now: sent))
        #expect(!WebhookSignature.isValid(header, body: body + [0x20], secret: "whsec_test", now: sent))
        #expect(
            !WebhookSignature.isValid(header, body: body, secret: "whsec_test", now: sent.addingTimeInterval(301)),
            "replayed too late")
        let forgedTime = header.replacingOccurrences(of: "t=1700000000", with: "t=1700000100")
        #expect(
            !WebhookSignature.isValid(forgedTime, body: body, secret: "whsec_test", now: sent.addingTimeInterval(100)))
        #expect(!WebhookSignature.isValid("v1=abc", body: body, secret: "whsec_test", now: sent))
    }
}
