import Foundation
import RapportCore

/// Everything Rapport knows about one person on one page (R1.11): profile, contact points
/// with their history, household, organisations and roles, purchases and returns,
/// interactions across channels, attributes, and historic value.
public struct CustomerView: Sendable, Encodable {
    public var person: Person
    public var household: Household?
    public var householdMembers: [Person]
    public var memberships: [MembershipView]
    public var contactPoints: [ContactPoint]
    public var purchases: [Purchase]
    public var interactions: [Interaction]
    public var attributes: [AttributeView]
    public var value: HistoricValue
    /// From the latest value-model refit; empty until one has run.
    public var predictedValue: [PredictedValue]
    public var channelMix: [ChannelCount]
    /// Every suppression of the person or their contact points, current and lifted, newest
    /// first (R1.10); ``ContactGate`` says what they mean for contact.
    public var suppressions: [Suppression] = []
    /// Where each profile value comes from: the winning source, rule and reason (R1.3).
    public var golden: [StoredGoldenValue] = []
    /// Why the person is in their household: the links that join them to its members (R1.8).
    public var householdLinks: [HouseholdLinkView] = []

    public struct MembershipView: Sendable, Encodable {
        public var organisation: Organisation
        public var role: String
        public var since: LocalDate?
        public var until: LocalDate?
    }

    public struct AttributeView: Sendable, Encodable {
        public var key: String
        public var label: String
        public var value: String
        public var purpose: AttributePurpose
        /// Where an appended value came from and when ("from Acme Data (acme.csv line 12),
        /// 2026-12-01", R1.9); nil for a value set by hand.
        public var provenance: String? = nil
    }

    /// One household link of the person: who it joins them to, and on what evidence.
    public struct HouseholdLinkView: Sendable, Encodable {
        public var personID: PersonID
        public var name: String
        public var reason: String
    }

    public struct ChannelCount: Sendable, Encodable {
        public var channel: Channel
        public var count: Int
    }
}

/// Revenue, margin and counts over a customer's whole history, per currency (R4.1).
public struct HistoricValue: Sendable, Encodable, Equatable {
    public var purchases: Int
    public var returns: Int
    public var revenue: [Money]
    public var margin: [Money]
    public var firstPurchase: Date?
    public var lastPurchase: Date?

    public init(purchases: Int = 0, returns: Int = 0, revenue: [Money] = [], margin: [Money] = [], firstPurchase: Date? = nil, lastPurchase: Date? = nil) {
        self.purchases = purchases
        self.returns = returns
        self.revenue = revenue
        self.margin = margin
        self.firstPurchase = firstPurchase
        self.lastPurchase = lastPurchase
    }
}
