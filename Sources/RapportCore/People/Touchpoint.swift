import Foundation

/// A registered source of customer data — a web shop, the call centre, a point of sale,
/// warranty cards, a partner agent, a batch file — with how far it is trusted and which
/// attributes it may supply (R1.1).
public struct Touchpoint: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "src"

    public var id: SourceID
    /// Unique, stable name such as `webshop` or `call-centre`.
    public var name: String
    public var kind: TouchpointKind
    /// 1 is the most trusted; survivorship prefers lower ranks.
    public var trustRank: Int
    /// Attribute keys this source may supply; empty means any.
    public var allowedAttributes: [String]
    public var createdAt: Date

    public init(id: SourceID, name: String, kind: TouchpointKind, trustRank: Int, allowedAttributes: [String] = [], createdAt: Date) {
        self.id = id
        self.name = name
        self.kind = kind
        self.trustRank = trustRank
        self.allowedAttributes = allowedAttributes
        self.createdAt = createdAt
    }
}

public enum TouchpointKind: String, Codable, Sendable, CaseIterable {
    case web, callCentre = "call_centre", mail, pointOfSale = "point_of_sale", survey, returns, warrantyCard = "warranty_card"
    case batchFile = "batch_file", partner, social, api
}

/// A record exactly as a touchpoint sent it, kept unchanged for ever (the warehouse, R1.2),
/// with the person it was resolved to and where it came from.
public struct RawRecord: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "raw"

    public var id: RawRecordID
    public var sourceID: SourceID
    public var receivedAt: Date
    /// The payload as received (JSON or a CSV row as JSON), byte for byte.
    public var payload: String
    public var personID: PersonID?
    /// Where it came from within the source: a file name and line, a batch id, an event id.
    public var lineage: String?

    public init(id: RawRecordID, sourceID: SourceID, receivedAt: Date, payload: String, personID: PersonID? = nil, lineage: String? = nil) {
        self.id = id
        self.sourceID = sourceID
        self.receivedAt = receivedAt
        self.payload = payload
        self.personID = personID
        self.lineage = lineage
    }
}
