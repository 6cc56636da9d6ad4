import Foundation
import RapportCore
import RapportIntegration
import RapportStore

extension CustomerPageModel {
    /// "Where each value comes from": one row per golden value.
    struct GoldenSection {
        let rows: [GoldenRow]

        /// Nil without golden values, so the page shows no empty table.
        init?(_ values: [StoredGoldenValue]) {
            guard !values.isEmpty else { return nil }
            rows = values.map(GoldenRow.init)
        }
    }

    /// One row of "Where each value comes from" on the 360 page: the golden value, the source
    /// that won, under which rule and why, and every source's value beneath it.
    struct GoldenRow {
        let attribute: String
        let label: String
        let value: String
        /// "Web shop · trust 1", or "Staff".
        let source: String
        let rule: String
        let reason: String
        let rawRecordID: String?
        let candidates: [Competitor]
        let excluded: [Competitor]
        /// More than one source gave a value: the candidates are listed. (Stored, as the
        /// templates see only stored properties.)
        let hasRivals: Bool
        let hasExcluded: Bool

        struct Competitor {
            let source: String
            let value: String
            let observed: String
            /// "won" for the winning source's value, or why an observation was set aside.
            let note: String?
        }

        init(_ golden: StoredGoldenValue) {
            attribute = golden.attribute
            label = golden.label
            value = golden.value ?? "(empty)"
            source = golden.sourceName.map { name in
                golden.trustRank.map { $0 == 0 ? name : "\(name) · trust \($0)" } ?? name
            } ?? "no source"
            rule = golden.rule.label
            reason = golden.reason
            rawRecordID = golden.rawRecordID?.rawValue
            candidates = golden.candidates.map { candidate in
                Competitor(
                    source: Self.source(candidate.source), value: candidate.value ?? "(empty)",
                    observed: Timestamp.format(candidate.observedAt),
                    note: candidate.source.id == golden.sourceID ? "won" : nil)
            }
            excluded = golden.excluded.map { excluded in
                Competitor(
                    source: Self.source(excluded.observation.source), value: excluded.observation.value ?? "(empty)",
                    observed: Timestamp.format(excluded.observation.observedAt), note: Self.why(excluded.reason))
            }
            hasRivals = candidates.count > 1
            hasExcluded = !excluded.isEmpty
        }

        private static func source(_ source: ObservationSource) -> String {
            source.trustRank == 0 ? source.name : "\(source.name) (trust \(source.trustRank))"
        }

        private static func why(_ reason: ExcludedObservation.Reason) -> String {
            switch reason {
            case .empty: "empty, ignored"
            case .notAllowed: "source may not supply it"
            case .superseded: "replaced by a newer value from the same source"
            }
        }
    }
}
