import Foundation
import RapportCore

/// One value of one attribute of one person as one source sent it, at one time: the input of
/// survivorship.
public struct SourceObservation: Hashable, Codable, Sendable {
    /// The attribute key, e.g. `email`, `givenName`, `address.city`.
    public var attribute: String
    /// The value as received (after the normalisation every write gets). Nil, empty or
    /// blank means the source supplied the attribute empty.
    public var value: String?
    public var source: ObservationSource
    public var observedAt: Date
    /// The raw record the value came from, for lineage on the 360 page.
    public var rawRecordID: RawRecordID?

    public init(
        attribute: String, value: String?, source: ObservationSource, observedAt: Date, rawRecordID: RawRecordID? = nil
    ) {
        self.attribute = attribute
        self.value = value
        self.source = source
        self.observedAt = observedAt
        self.rawRecordID = rawRecordID
    }

    /// Whether the source supplied no value (nil, empty or only whitespace).
    public var isEmpty: Bool {
        value?.allSatisfy(\.isWhitespace) ?? true
    }
}

/// Where an observation came from: the touchpoint, its display name and how far it is trusted.
///
/// Trust follows ``Touchpoint/trustRank``: **1 is the most trusted**, a lower number always
/// outranks a higher one.
public struct ObservationSource: Hashable, Codable, Sendable {
    public var id: SourceID
    /// The name shown in explanations, e.g. "Web shop".
    public var name: String
    public var trustRank: Int
    /// Attribute keys this source may supply; empty means any. Values for other attributes are
    /// set aside (``ExcludedObservation/Reason/notAllowed``).
    public var allowedAttributes: [String]

    public init(id: SourceID, name: String, trustRank: Int, allowedAttributes: [String] = []) {
        self.id = id
        self.name = name
        self.trustRank = trustRank
        self.allowedAttributes = allowedAttributes
    }

    /// The source a registered touchpoint stands for, named by its touchpoint name.
    public init(_ touchpoint: Touchpoint) {
        self.init(
            id: touchpoint.id, name: touchpoint.name, trustRank: touchpoint.trustRank,
            allowedAttributes: touchpoint.allowedAttributes)
    }

    /// Whether this source may supply `attribute`.
    public func mayProvide(_ attribute: String) -> Bool {
        allowedAttributes.isEmpty || allowedAttributes.contains(attribute)
    }
}
