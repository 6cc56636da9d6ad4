import Foundation
import RapportCore

/// The touchpoints customer data arrives through, each with its trust rank (1 is most
/// trusted): staff-entered call-centre data beats a self-typed web form, which beats a
/// handwritten warranty card or a rented batch file.
struct DemoSources: Sendable {
    let webshop: Touchpoint
    let callCentre: Touchpoint
    let stores: Touchpoint
    let mailOrder: Touchpoint
    let warrantyCards: Touchpoint
    let partnerAgents: Touchpoint
    let batchFile: Touchpoint
    /// Where customers were first recorded (partner agents' customers aside).
    let acquisition: Weighted<Touchpoint>

    init(ids: IDGenerator, createdAt: Date) {
        func source(_ name: String, _ kind: TouchpointKind, _ rank: Int, _ allowed: [String] = [])
            -> Touchpoint
        {
            Touchpoint(
                id: ids.make(), name: name, kind: kind, trustRank: rank, allowedAttributes: allowed,
                createdAt: createdAt)
        }
        callCentre = source("call-centre", .callCentre, 1)
        stores = source("stores-pos", .pointOfSale, 2)
        webshop = source("webshop", .web, 2)
        partnerAgents = source("partner-agents", .partner, 3)
        mailOrder = source("mail-order", .mail, 3, ["givenName", "familyName", "postal", "phone"])
        warrantyCards = source(
            "warranty-cards", .warrantyCard, 4, ["givenName", "familyName", "postal", "email", "phone"])
        batchFile = source(
            "batch-file-import", .batchFile, 5, ["givenName", "familyName", "postal", "birthDate"])
        acquisition = Weighted([
            (webshop, 30), (stores, 25), (callCentre, 15), (warrantyCards, 12), (mailOrder, 6), (batchFile, 8),
        ])
    }

    /// All of them, most trusted first.
    var all: [Touchpoint] {
        [callCentre, stores, webshop, partnerAgents, mailOrder, warrantyCards, batchFile]
    }

    /// Where a purchase on `channel` is recorded.
    func source(for channel: Channel) -> Touchpoint {
        switch channel {
        case .web, .email, .chat, .social, .sms: webshop
        case .phone: callCentre
        case .inPerson: stores
        case .mail: mailOrder
        }
    }
}
