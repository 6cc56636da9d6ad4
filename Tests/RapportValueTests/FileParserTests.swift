import Testing

@testable import RapportValue

@Suite("File parsers")
struct FileParserTests {
    @Test("R4.3 summary CSV as lifetimes writes it, and the x, t_x, T, zbar variant")
    func summaryHeaders() throws {
        let lifetimes = try SummaryFileParser.parse(
            "customer_id,frequency,recency,T,monetary_value\nA7,2,30.43,38.86,22.35\n")
        #expect(
            lifetimes == [CustomerSummary(id: "A7", frequency: 2, recency: 30.43, age: 38.86, monetaryValue: 22.35)])
        let hardie = try SummaryFileParser.parse("ID,x,t_x,T,zbar\r\n1,2,30.43,38.86,22.35\r\n")
        #expect(hardie == [CustomerSummary(id: "1", frequency: 2, recency: 30.43, age: 38.86, monetaryValue: 22.35)])
        let unnamed = try SummaryFileParser.parse("frequency,recency,T\n0,0,5\n1,2,5\n")
        #expect(unnamed.map(\.id) == ["1", "2"])
    }

    @Test("R4.3 transaction logs: CSV with a header, three and five whitespace-separated columns")
    func transactionFormats() throws {
        let csv = try TransactionLogParser.parse("customer_id,date,amount\n\"K, Ł\",2024-02-29,12.5\n")
        #expect(
            csv == [Transaction(customerID: "K, Ł", date: CalendarDay(year: 2024, month: 2, day: 29)!, amount: 12.5)])
        let three = try TransactionLogParser.parse("a 20240101 5\n\nb 2024-01-02 6\n")
        #expect(three.map(\.customerID) == ["a", "b"])
        let cdnow = try TransactionLogParser.parse(" 00004 0001 19970101  2   29.33\r\n")
        #expect(cdnow == [Transaction(customerID: "00004", date: CalendarDay("1997-01-01")!, amount: 29.33)])
    }

    @Test("scores write as CSV with the documented header and quoted ids")
    func scoresCSV() {
        let score = CustomerScore(
            id: "a,b", frequency: 2, recency: 1.5, age: 3, averageSpend: 10, expectedPurchases: 0.5,
            probabilityAlive: 0.9, expectedSpend: 11, lifetimeValue: 20)
        #expect(
            CustomerScore.csv([score])
                == "id,frequency,recency,T,average_spend,expected_purchases,p_alive,expected_spend,clv\n"
                + "\"a,b\",2,1.5,3.0,10.0,0.5,0.9,11.0,20.0\n")
    }
}
