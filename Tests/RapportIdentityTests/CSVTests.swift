import Foundation
import RapportIdentity
import RapportIntegration
import Testing

@Suite("CSV file mode")
struct CSVTests {
    private func rows(_ text: String) throws -> [[String]] {
        let reader = CSVReader(text: text)
        var rows: [[String]] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return rows
    }

    @Test("BOM, CRLF and FEBRL's ', ' separator")
    func formats() throws {
        #expect(try rows("\u{FEFF}id,name\r\n1,Anna\r\n") == [["id", "name"], ["1", "Anna"]])
        #expect(
            try rows("rec_id, given_name\nrec-1-org, lachlan\n") == [
                ["rec_id", "given_name"], ["rec-1-org", "lachlan"],
            ])
        #expect(try rows("a,b\r1,\r") == [["a", "b"], ["1", ""]])
    }

    @Test("quoted fields with separators, escaped quotes and line breaks")
    func quoting() throws {
        #expect(
            try rows("id,address\n1,\"ul. Długa 5, m. 3\"\n") == [
                ["id", "address"], ["1", "ul. Długa 5, m. 3"],
            ])
        #expect(try rows("id,note\n1,\"say \"\"hi\"\"\nnow\"\n2,x\n")[1] == ["1", "say \"hi\"\nnow"])
    }

    @Test("broken quoting names the line")
    func brokenQuoting() {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) { try rows("id,name\n1,Anna\n2,\"Bob\n") }
        #expect(throws: CSVError.unexpectedQuote(line: 2, field: 2)) { try rows("id,name\n1,An\"na\n") }
        #expect(throws: CSVError.unexpectedQuote(line: 2, field: 2)) {
            try rows("id,name\n1,\"Anna\"x\n")
        }
    }

    @Test("column mapping recognises names, honours overrides and reports missing columns")
    func mapping() throws {
        let header = ["Rec_ID", "First Name", "last_name", "zip", "nr_klienta"]
        let mapping = try ColumnMapping(header: header, overrides: ["nr_klienta=customer_number"])
        let record = try mapping.record(["r1", "Jan", "Kowalski", "00-950", "K-17"], line: 2)
        #expect(record.id == "r1")
        #expect(record[.givenName] == "Jan")
        #expect(record[.postcode] == "00-950")
        #expect(record[.customerNumber] == "K-17")
        #expect(throws: CSVError.missingIDColumn(tried: PersonAttribute.recordID.knownColumnNames)) {
            try ColumnMapping(header: ["name", "city"])
        }
        #expect(throws: CSVError.missingColumn("klient")) {
            try ColumnMapping(header: header, overrides: ["klient=surname"])
        }
        #expect(throws: CSVError.missingColumn("key")) {
            try ColumnMapping(header: header, idColumn: "key")
        }
        #expect(throws: CSVError.unknownAttribute("shoe_size", known: PersonAttribute.allCases.map(\.rawValue))) {
            try ColumnMapping(header: header, overrides: ["zip=shoe_size"])
        }
        #expect(throws: CSVError.tooManyFields(line: 7, expected: 5, found: 6)) {
            try mapping.record(["1", "2", "3", "4", "5", "6"], line: 7)
        }
    }

    @Test("file mode writes one cluster line per input row")
    func fileMode() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-dedupe-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("people.csv").path
        let output = directory.appendingPathComponent("clusters.csv").path
        let explain = directory.appendingPathComponent("evidence.csv").path
        let text = """
            id,first_name,last_name,birth_date,email,city,zip
            1,Łukasz,Żółć,1980-05-12,lukasz.zolc@wp.pl,Łódź,90-001
            2,Lukasz,Zolc,1980-05-12,lukasz.zolc@wp.pl,Lodz,90-001
            3,Anna,Nowak,1975-01-02,anna@o2.pl,Kraków,30-001
            4,Piotr,Wiśniewski,1990-07-07,piotr@gmail.com,Gdańsk,80-001

            """
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let summary = try FileDeduplication().run(input: input, output: output, explanations: explain)
        #expect(summary.records == 4)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0] == "id,cluster_id")
        #expect(lines[3] == "3,3")
        #expect(try String(contentsOfFile: explain, encoding: .utf8).hasPrefix("id_a,id_b,decision"))
        #expect(throws: CSVError.self) {
            try FileDeduplication().run(input: directory.path + "/missing.csv", output: output)
        }
    }
}
