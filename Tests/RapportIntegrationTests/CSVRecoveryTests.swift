import RapportIntegration
import Testing

@Suite("CSV reader: broken rows, separators, chunks")
struct CSVRecoveryTests {
    private func records(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [CSVRow] {
        let reader = CSVReader(text: text, delimiter: delimiter)
        var rows: [CSVRow] = []
        while let row = try reader.nextRecord() { rows.append(row) }
        return rows
    }

    @Test("a row with broken quoting comes back with its raw text, and reading goes on")
    func brokenRowIsKept() throws {
        let rows = try records("id,name\n1,An\"na\n2,Bob\n")
        #expect(rows.count == 3)
        #expect(rows[1].line == 2)
        #expect(rows[1].text == "1,An\"na")
        #expect(throws: CSVError.unexpectedQuote(line: 2, field: 2)) { try rows[1].fields.get() }
        #expect(try rows[2].fields.get() == ["2", "Bob"])
    }

    @Test("a quote that never closes loses only its own line")
    func unterminatedQuote() throws {
        let rows = try records("id,name\n1,\"Anna\n2,Bob\n")
        #expect(rows.count == 3)
        #expect(rows[1].text == "1,\"Anna")
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try rows[1].fields.get() }
        #expect(try rows[2].fields.get() == ["2", "Bob"])
        #expect(rows[2].line == 3)
    }

    @Test("quoted line breaks keep the row whole; raw text spans its lines")
    func multilineRow() throws {
        let rows = try records("id,note\r\n1,\"a\r\nb\"\r\n2,c\r\n")
        #expect(try rows[1].fields.get() == ["1", "a\r\nb"])
        #expect(rows[1].text == "1,\"a\r\nb\"")
        #expect(rows[2].line == 4)
    }

    @Test("semicolon and tab separators; a tab separator keeps empty fields")
    func separators() throws {
        #expect(try records("a;b\n1; x \n", delimiter: UInt8(ascii: ";"))[1].fields.get() == ["1", "x"])
        #expect(try records("a\tb\tc\n1\t\t3\n", delimiter: 0x09)[1].fields.get() == ["1", "", "3"])
    }

    @Test("chunks split anywhere give the same rows")
    func chunked() throws {
        let text = Array("\u{FEFF}id,name\n1,\"Łukasz, \"\"Ł\"\"\"\n2,Żółć\n".utf8)
        for size in [1, 2, 3, 7] {
            var offset = 0
            let reader = CSVReader { () throws(CSVError) -> [UInt8]? in
                guard offset < text.count else { return nil }
                defer { offset += size }
                return Array(text[offset..<min(text.count, offset + size)])
            }
            var rows: [[String]] = []
            while let row = try reader.nextRow() { rows.append(row) }
            #expect(rows == [["id", "name"], ["1", "Łukasz, \"Ł\""], ["2", "Żółć"]])
        }
    }

    @Test("a row past the size limit is reported, not held in memory")
    func rowTooLong() throws {
        let long = String(repeating: "x", count: CSVReader.maximumRowBytes + 10)
        let text = Array("id,note\n1,\"\(long)\n2,ok\n".utf8)
        var offset = 0
        let reader = CSVReader { () throws(CSVError) -> [UInt8]? in
            guard offset < text.count else { return nil }
            defer { offset += 65_536 }
            return Array(text[offset..<min(text.count, offset + 65_536)])
        }
        var rows: [CSVRow] = []
        while let row = try reader.nextRecord() { rows.append(row) }
        #expect(rows.count == 3)
        #expect(throws: CSVError.rowTooLong(line: 2, limit: CSVReader.maximumRowBytes)) { try rows[1].fields.get() }
        #expect(try rows[2].fields.get() == ["2", "ok"])
    }
}
