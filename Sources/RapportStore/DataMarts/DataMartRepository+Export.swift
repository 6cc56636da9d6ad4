import Foundation
import RapportCore
import SQLKit

/// One part of a mart's export, checked and ready to stream: everything that can fail for
/// a reason the caller should hear (unknown mart, a part it does not include, a rule that
/// no longer checks) fails in ``DataMartRepository/plan(_:part:by:today:)``, before a byte
/// is sent.
public struct DataMartExport: Sendable {
    public let mart: DataMart
    public let part: DataMartPart
    /// The CSV header of the part.
    public let header: [String]
    let selection: SegmentQuery
    let today: LocalDate
}

extension DataMartRepository {
    /// How many people one page of the export reads at a time: memory stays flat whatever
    /// the mart's size.
    static let pageSize = 500

    /// Checks that the mart exists, includes `part` and that its rule still checks.
    public func plan(_ key: String, part: DataMartPart, by actor: Actor, today: LocalDate = LocalDate(Date()))
        async throws -> DataMartExport
    {
        let mart = try await find(key)
        guard mart.parts.contains(part) else {
            throw DomainError.invalid([
                .invalid(
                    "part",
                    "Data mart '\(key)' does not include \(part.rawValue); it exports: "
                        + mart.parts.map(\.rawValue).joined(separator: ", ") + ".")
            ])
        }
        let selection = try await selection(mart.rules, today: today)
        return DataMartExport(mart: mart, part: part, header: DataMartRows.header(part), selection: selection, today: today)
    }

    /// Streams the export's rows (header first) to `write`, a page of people at a time, in
    /// person ID order (keyset paging). Each page's people are audited as exported (in
    /// batches) and the whole export once more on the mart. Returns the number of data rows.
    @discardableResult
    public func export(
        _ export: DataMartExport, by actor: Actor, to write: ([[String?]]) async throws -> Void
    ) async throws -> Int {
        try await write([export.header])
        var after: String?
        var people = 0
        var rows = 0
        let detail = "data mart \(export.mart.key): \(export.part.rawValue)"
        repeat {
            var sql = SQLQueryString("SELECT p.*") + SQLQueryString(SegmentQuery.from) + export.selection.whereClause(for: actor)
            if let after { sql += " AND p.id > \(bind: after)" }
            sql += " ORDER BY p.id LIMIT \(unsafeRaw: String(Self.pageSize))"
            let page = try await database.sql.raw(sql).all()
            guard !page.isEmpty else { break }
            let ids: [PersonID] = try page.map { try $0.id("id") }
            let lines = try await DataMartRows.rows(export.part, people: page, ids: ids, today: export.today, on: database.sql)
            try await write(lines)
            audit.exported(ids, detail: detail, by: actor)
            people += ids.count
            rows += lines.count
            after = page.count == Self.pageSize ? ids.last?.rawValue : nil
        } while after != nil
        try await audit.record(
            .export, entityType: "data_mart", entityID: export.mart.id.rawValue,
            detail: "\(export.part.rawValue): \(people) people, \(rows) rows", by: actor, on: database.sql)
        return rows
    }
}
