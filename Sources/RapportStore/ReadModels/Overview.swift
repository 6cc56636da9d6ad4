import Foundation
import RapportCore
import SQLKit

/// Totals for the dashboard: how many people, households and organisations there are,
/// recent activity and the channel mix of all interactions (R9.2).
public struct Overview: Sendable {
    public var people: Int
    public var households: Int
    public var organisations: Int
    public var purchases: Int
    public var interactions: Int
    public var channelMix: [(channel: Channel, count: Int)]

    /// Reads the totals with one aggregate query per table.
    public static func read(from database: Database) async throws -> Overview {
        func count(_ table: String) async throws -> Int {
            try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.integer("n") ?? 0
        }
        let mix = try await database.sql.raw("SELECT channel, COUNT(*) AS n FROM interactions GROUP BY channel ORDER BY n DESC")
            .all().map { (channel: try $0.enumValue("channel", as: Channel.self), count: try $0.integer("n")) }
        return Overview(
            // People merged into others are counted once, as their survivors.
            people: try await count("people WHERE merged_into_id IS NULL"), households: try await count("households"),
            organisations: try await count("organisations"), purchases: try await count("purchases"),
            interactions: mix.reduce(0) { $0 + $1.count }, channelMix: mix)
    }
}
