import Foundation

/// A received record that could not be used as sent (R1.4): kept with the reasons until
/// someone corrects and replays it or discards it. The raw record itself never changes.
public struct QuarantineItem: IdentifiedEntity, Codable, Sendable, Equatable {
    public static let idPrefix = "qua"

    public var id: QuarantineID
    public var rawRecordID: RawRecordID
    public var sourceID: SourceID
    /// The payload of the raw record, as received.
    public var payload: String
    /// Every reason, each naming the field.
    public var reasons: [FieldIssue]
    public var status: QuarantineStatus
    public var createdAt: Date
    public var resolvedAt: Date?
    /// Who replayed or discarded it.
    public var resolvedBy: String?
    /// Why it was discarded.
    public var note: String?
    /// The corrected raw record a replay created (its lineage points back here).
    public var replayRawRecordID: RawRecordID?

    public init(
        id: QuarantineID, rawRecordID: RawRecordID, sourceID: SourceID, payload: String, reasons: [FieldIssue],
        status: QuarantineStatus = .open, createdAt: Date, resolvedAt: Date? = nil, resolvedBy: String? = nil,
        note: String? = nil, replayRawRecordID: RawRecordID? = nil
    ) {
        self.id = id
        self.rawRecordID = rawRecordID
        self.sourceID = sourceID
        self.payload = payload
        self.reasons = reasons
        self.status = status
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.note = note
        self.replayRawRecordID = replayRawRecordID
    }
}

public typealias QuarantineID = Identifier<QuarantineItem>

public enum QuarantineStatus: String, Codable, Sendable, CaseIterable {
    case open, replayed, discarded
}
