import RapportCore
import SQLKit

/// A table whose rows belong to one person through `person_id`, and how a merge moves them.
///
/// `key` names a row within its person; `sameRow` (when set) says which columns make a row
/// of the absorbed person a duplicate of one of the survivor's, in which case it stays with
/// the absorbed person (see ``MergeLedger``).
///
/// Every table that references `people(id)` is either here or named in ``notMoved`` with
/// the reason, and a test compares the two lists with the schema.
struct MergeTable: Sendable {
    let name: String
    let key: [String]
    let sameRow: [String]?

    static let all: [MergeTable] = [
        MergeTable(name: "contact_points", key: ["id"], sameRow: ["kind", "normalized"]),
        MergeTable(name: "purchases", key: ["id"], sameRow: nil),
        MergeTable(name: "interactions", key: ["id"], sameRow: nil),
        MergeTable(name: "raw_records", key: ["id"], sameRow: nil),
        MergeTable(name: "person_keys", key: ["kind", "value"], sameRow: nil),
        MergeTable(name: "memberships", key: ["organisation_id", "role"], sameRow: ["organisation_id", "role"]),
        MergeTable(name: "attribute_values", key: ["attribute_id"], sameRow: ["attribute_id"]),
        MergeTable(name: "segment_members", key: ["segment_id"], sameRow: ["segment_id"]),
        // A suppression is about the human both records describe: a deceased or on-request
        // stop on either record holds for the survivor. A stop on one contact point keeps
        // naming that point, wherever the point went.
        MergeTable(name: "suppressions", key: ["id"], sameRow: nil),
    ]

    /// Tables that reference people but whose rows do not move, and why.
    static let notMoved: [String: String] = [
        "customer_metrics": "derived from purchases and interactions; recomputed for both people in the merge and unmerge",
        "value_scores": "a model's prediction from the absorbed person's own history; stays with them until the next refit",
        "rfm_scores": "scores from the absorbed person's own history; stays with them until the next refit",
        "match_reviews": "open reviews of the absorbed person become obsolete in the merge and open again on unmerge",
        "distinct_people": "a reviewer's decision about the absorbed person's own record; stays with it",
        "person_merges": "the merges themselves",
        "staff_observations": "what staff entered on the absorbed record; it stays with it and counts again after an unmerge",
        "person_match_rows": "derived from the profile and contact points; rebuilt for both people in the merge and unmerge",
        "person_blocks": "derived with person_match_rows; rebuilt for both people in the merge and unmerge",
        "household_links": "derived by the household rule; the next household rebuild links the survivor anew",
        "golden_values": "derived by survivorship; the survivor's are recomputed at its next matched record, staff edit or recompute",
        "people": "merged_into_id points at the survivor; the survivor's empty profile fields are filled (filledFields)",
    ]

    /// `a.c1 = b.c1 AND a.c2 = b.c2` over `columns`.
    static func equal(_ columns: [String], _ a: String, _ b: String) -> String {
        columns.map { "\(a).\($0) = \(b).\($0)" }.joined(separator: " AND ")
    }

    /// The keys of `from`'s rows, split into those that would duplicate a row of `to`
    /// (kept) and the rest (moved).
    func partition(from: PersonID, to: PersonID, on db: any SQLDatabase) async throws -> (moved: [[String]], kept: [[String]]) {
        let columns = key.map { "t.\($0)" }.joined(separator: ", ")
        let duplicate = sameRow.map {
            ", CASE WHEN EXISTS (SELECT 1 FROM \(name) x WHERE x.person_id = ? AND \(Self.equal($0, "x", "t"))) THEN 1 ELSE 0 END AS dup"
        } ?? ", 0 AS dup"
        let binds: [QueryValue] = sameRow == nil ? [.text(from.rawValue)] : [.text(to.rawValue), .text(from.rawValue)]
        let sql = "SELECT \(columns)\(duplicate) FROM \(name) t WHERE t.person_id = ? ORDER BY \(columns)"
        var moved: [[String]] = []
        var kept: [[String]] = []
        for row in try await db.raw(Database.queryString(sql, binds)).all() {
            let values = try key.map { try row.text($0) }
            if try row.integer("dup") == 1 { kept.append(values) } else { moved.append(values) }
        }
        return (moved, kept)
    }

    /// Moves the rows with `keys` from `from` to `to`; returns how many were still with `from`.
    @discardableResult
    func move(_ keys: [[String]], from: PersonID, to: PersonID, on db: any SQLDatabase) async throws -> Int {
        var count = 0
        if key.count == 1 {
            for chunk in stride(from: 0, to: keys.count, by: 500).map({ keys[$0..<min($0 + 500, keys.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let sql = "UPDATE \(name) SET person_id = ? WHERE person_id = ? AND \(key[0]) IN (\(marks))"
                let binds: [QueryValue] = [.text(to.rawValue), .text(from.rawValue)] + chunk.map { .text($0[0]) }
                count += try await Self.changes(Database.queryString(sql, binds), on: db)
            }
            return count
        }
        let condition = key.map { "\($0) = ?" }.joined(separator: " AND ")
        for values in keys {
            let sql = "UPDATE \(name) SET person_id = ? WHERE person_id = ? AND \(condition)"
            let binds: [QueryValue] = [.text(to.rawValue), .text(from.rawValue)] + values.map { .text($0) }
            count += try await Self.changes(Database.queryString(sql, binds), on: db)
        }
        return count
    }

    /// Runs an UPDATE and returns the number of rows it changed (`RETURNING 1` works on both
    /// SQLite 3.35+ and PostgreSQL).
    private static func changes(_ query: SQLQueryString, on db: any SQLDatabase) async throws -> Int {
        try await db.raw(query + " RETURNING 1 AS one").all().count
    }
}
