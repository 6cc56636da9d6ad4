import Foundation
import RapportCore

/// What a rule selects right now, without saving it (the segment builder's live figures):
/// how many people, and what they are worth per currency.
public struct SegmentPreview: Sendable, Encodable, Equatable {
    /// People the rule selects (among those the actor may see).
    public var size: Int
    /// Per main currency of the members who bought: their number, net revenue, margin and,
    /// once the value models have been fitted, their average predicted lifetime value.
    public var value: [CurrencyValue]
    /// The rule in canonical text.
    public var rule: String
    /// The rule in words, one line per condition or group.
    public var explanation: [String]
    /// True when the rule holds a relative date, so members change day by day.
    public var dependsOnToday: Bool

    public struct CurrencyValue: Sendable, Encodable, Equatable {
        public var currency: String
        public var customers: Int
        public var revenue: Money
        public var margin: Money
        public var averageCLV: Money?
    }
}

/// A segment one person belongs to, for their 360 page (R3.4 segments of one).
public struct SegmentMembership: Sendable, Encodable, Equatable {
    public var key: String
    public var name: String
    public var purpose: Segment.Purpose
    public var kind: Segment.Kind

    public init(_ segment: Segment) {
        key = segment.key
        name = segment.name
        purpose = segment.purpose
        kind = segment.kind
    }
}
