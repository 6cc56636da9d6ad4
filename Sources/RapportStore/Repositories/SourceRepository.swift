import Foundation
import RapportCore
import SQLKit

/// Registered touchpoints (R1.1).
public struct SourceRepository: Sendable {
    let database: Database

    public func insert(_ source: Touchpoint) async throws {
        try await Self.insert(source, on: database.sql)
    }

    static func insert(_ s: Touchpoint, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO sources (id, name, kind, trust_rank, allowed_attributes, created_at)
            VALUES (\(bind: s.id.rawValue), \(bind: s.name), \(bind: s.kind.rawValue), \(bind: s.trustRank),
              \(bind: s.allowedAttributes.joined(separator: ",")), \(bind: Timestamp.format(s.createdAt)))
            """
        ).run()
    }

    public func list() async throws -> [Touchpoint] {
        try await database.sql.raw("SELECT * FROM sources ORDER BY trust_rank, name").all().map { row in
            Touchpoint(
                id: try row.id("id"), name: try row.text("name"), kind: try row.enumValue("kind", as: TouchpointKind.self),
                trustRank: try row.integer("trust_rank"),
                allowedAttributes: try row.text("allowed_attributes").split(separator: ",").map(String.init),
                createdAt: try row.instant("created_at"))
        }
    }
}
