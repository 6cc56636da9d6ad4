import Foundation
import Testing

@testable import RapportValue

/// The CDNOW research data shipped in `Fixtures/` (see `Fixtures/PROVENANCE.md`).
enum CDNOWFixture {
    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// The 2 357 calibration summaries with z̄ (`cdnow_customers_summary_with_transactions.csv`).
    static func summaries() throws -> [CustomerSummary] {
        try SummaryFileParser.parse(text("cdnow_customers_summary_with_transactions.csv"))
    }

    /// The raw 1/10 sample log.
    static func transactions() throws -> [Transaction] {
        try TransactionLogParser.parse(text("CDNOW_sample.txt"))
    }

    /// Calibration ends 1997-09-30 (39 weeks after 1997-01-01), holdout ends 1998-06-30.
    static let calibrationEnd = CalendarDay(year: 1997, month: 9, day: 30)!
    static let holdoutEnd = CalendarDay(year: 1998, month: 6, day: 30)!
}
