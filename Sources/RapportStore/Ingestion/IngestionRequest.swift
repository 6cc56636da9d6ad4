import Foundation
import RapportCore

/// One record to ingest: the payload exactly as received and what the API could read
/// from it (a record, or why it could not be read at all).
public struct IngestionRequest: Sendable {
    /// Stored byte for byte in `raw_records`, whatever happens next.
    public var payload: String
    public var parsed: Result<IngestRecord, DomainError>
    /// Where it came from within the source: a batch and position, a replay.
    public var lineage: String?

    public init(payload: String, parsed: Result<IngestRecord, DomainError>, lineage: String? = nil) {
        self.payload = payload
        self.parsed = parsed
        self.lineage = lineage
    }
}

/// What happened to one record: the raw record that keeps it, the outcome, the person it
/// was resolved to and why — or the quarantine item and its reasons.
public struct IngestionResult: Codable, Sendable, Equatable {
    public var rawRecordID: RawRecordID
    public var outcome: IngestionOutcome
    public var personID: PersonID?
    public var quarantineID: QuarantineID?
    /// Why the record was quarantined, each naming its field; empty otherwise.
    public var reasons: [FieldIssue]
    /// How the person was found (`email = jan@example.pl`) or why a new one was made.
    public var matchReason: String?
    /// The clerical reviews (`match_reviews`) opened for this record: the new person may be
    /// one of these existing people. Empty unless loose matching found grey-zone candidates.
    public var reviewIDs: [String]

    public init(
        rawRecordID: RawRecordID, outcome: IngestionOutcome, personID: PersonID? = nil, quarantineID: QuarantineID? = nil,
        reasons: [FieldIssue] = [], matchReason: String? = nil, reviewIDs: [String] = []
    ) {
        self.rawRecordID = rawRecordID
        self.outcome = outcome
        self.personID = personID
        self.quarantineID = quarantineID
        self.reasons = reasons
        self.matchReason = matchReason
        self.reviewIDs = reviewIDs
    }
}
