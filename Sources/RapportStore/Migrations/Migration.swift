/// One numbered step of the schema. Statements are plain SQL that both SQLite and
/// PostgreSQL accept; where they differ the migration asks for the dialect.
///
/// Portable choices made once for the whole schema: identifiers are TEXT (typed ULIDs),
/// instants are fixed-width ISO 8601 UTC TEXT (they sort as text), days are `YYYY-MM-DD`
/// TEXT, money is BIGINT minor units, flags are INTEGER 0/1.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let statements: @Sendable (Database.Kind) -> [String]

    public init(version: Int, name: String, statements: @escaping @Sendable (Database.Kind) -> [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// Every migration Rapport knows, in order.
    public static let all: [Migration] = [
        .m001Foundation, .m002Indexes, .m003Value, .m004ViewStamps, .m005Segments, .m006Ingestion,
        .m007ValueHoldout, .m008Offers, .m009ValueDrivers, .m010Webhooks, .m011MatchReviews,
        .m012PersonMerges,
        .m015SuppressionsAndMarts,
        .m013Survivorship,
        .m014Households,
        .m016LooseMatching,
        .m017LeanerIndexes,
        .m018ViewChanges,
        .m019BlockingRows,
    ]
}
