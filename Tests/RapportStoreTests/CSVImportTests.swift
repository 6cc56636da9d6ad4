import Foundation
import RapportCore
import RapportIntegration
import RapportStore
import RapportTestSupport
import Testing

@Suite("CSV import through the ingestion pipeline")
struct CSVImportTests {
    private func touchpoint(_ store: Store, allowed: [String] = []) async throws -> Touchpoint {
        let source = Touchpoint(
            id: store.ids.make(), name: "shop-\(UInt16.random(in: 0...9999))", kind: .batchFile, trustRank: 2,
            allowedAttributes: allowed, createdAt: Date())
        try await store.sources.insert(source)
        return source
    }

    private func mapping(_ extra: String = "") throws -> ImportMapping {
        try ImportMapping(
            json: Array(
                #"{"columns": {"Imię": "givenName", "Nazwisko": "familyName", "E-mail": "email", "Nr klienta": "externalID"}\#(extra)}"#
                    .utf8))
    }

    private func run(_ store: Store, _ bytes: [UInt8], _ mapping: ImportMapping, into source: Touchpoint) async throws -> ImportSummary {
        try await store.csvImport.run(.bytes(bytes), name: "people.csv", mapping: mapping, into: source, by: .system)
    }

    private func names(_ store: Store) async throws -> [String] {
        try await store.database.sql.raw("SELECT given_name, family_name FROM people ORDER BY family_name").all().map {
            "\(try $0.decode(column: "given_name", as: String.self)) \(try $0.decode(column: "family_name", as: String.self))"
        }
    }

    @Test("Windows-1250 and ISO-8859-2 bytes of Polish names are decoded right, detected or given")
    func polishEncodings() async throws {
        // "Łukasz Żółć" has the same bytes in both; "Wiśniewska Ząbek" does not (ś, ą).
        let header = Array("Nr klienta;Imi".utf8) + [0xEA] + Array(";Nazwisko;E-mail\n".utf8)
        let windows: [UInt8] = header + Array("1;".utf8) + [0xA3] + Array("ukasz;".utf8) + [0xAF, 0xF3, 0xB3, 0xE6]
            + Array(";lz@wp.pl\n2;Jolanta;Wi".utf8) + [0x9C] + Array("niewska Z".utf8) + [0xB9] + Array("bek;jw@wp.pl\n".utf8)
        let latin2 = windows.map { $0 == 0x9C ? 0xB6 : $0 == 0xB9 ? 0xB1 : $0 }
        for (bytes, encoding) in [(windows, "windows-1250"), (latin2, "iso-8859-2"), (windows, "auto")] {
            try await withTestStore { store in
                let summary = try await run(
                    store, bytes, try mapping(#", "delimiter": ";", "encoding": "\#(encoding)""#), into: try await touchpoint(store))
                #expect(summary.created == 2, "\(encoding): \(summary)")
                let people = try await names(store)
                #expect(people == ["Jolanta Wiśniewska Ząbek", "Łukasz Żółć"], "\(encoding)")
            }
        }
    }

    @Test("UTF-16 with a byte order mark, as Excel's Unicode text export writes it, with tabs")
    func utf16() async throws {
        try await withTestStore { store in
            let text = "Nr klienta\tImię\tNazwisko\tE-mail\r\n9\tŁukasz\tŻółć\tlz@wp.pl\r\n"
            let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let summary = try await run(
                store, bytes, try mapping(#", "encoding": "utf-16", "delimiter": "tab""#), into: try await touchpoint(store))
            #expect(summary.created == 1)
            #expect(summary.encoding == "utf-16le (detected)")
            let people = try await names(store)
            #expect(people == ["Łukasz Żółć"])
        }
    }

    @Test("a BOM and CRLF line ends; lineage is file:line and the raw row is kept")
    func bomAndCRLF() async throws {
        try await withTestStore { store in
            let text = "\u{FEFF}Nr klienta,Imię,Nazwisko,E-mail\r\n7,Anna,Nowak,anna@o2.pl\r\n"
            let summary = try await run(store, Array(text.utf8), try mapping(), into: try await touchpoint(store))
            #expect(summary.created == 1)
            #expect(summary.encoding == "utf-8 (detected)")
            let row = try await store.database.sql.raw("SELECT payload, lineage FROM raw_records").first()!
            #expect(try row.decode(column: "payload", as: String.self) == "7,Anna,Nowak,anna@o2.pl")
            #expect(try row.decode(column: "lineage", as: String.self) == "people.csv:2")
        }
    }

    @Test("broken quoting and wrong field counts are quarantined with reason and raw text; good rows go on")
    func brokenRows() async throws {
        try await withTestStore { store in
            let text = "Nr klienta,Imię,Nazwisko,E-mail\n1,An\"na,Nowak,a@o2.pl\n2,Jan\n3,Ewa,Lis,ewa@o2.pl\n"
            let summary = try await run(store, Array(text.utf8), try mapping(), into: try await touchpoint(store))
            #expect(summary.rows == 3)
            #expect(summary.created == 1)
            #expect(summary.quarantined == 2)
            #expect(summary.problems.map(\.line) == [2, 3])
            #expect(summary.problems[0].reasons[0].hasPrefix("row: line 2, field 2: unexpected quote"))
            #expect(summary.problems[1].reasons[0].contains("no value for 'Nazwisko', 'E-mail'"))
            let items = try await store.quarantine.list(source: nil, status: nil, cursor: nil, limit: 10, by: .system)
            #expect(Set(items.items.map(\.payload)) == ["1,An\"na,Nowak,a@o2.pl", "2,Jan"])
        }
    }

    @Test("an attribute the touchpoint may not supply is quarantined")
    func notAllowed() async throws {
        try await withTestStore { store in
            let source = try await touchpoint(store, allowed: ["givenName", "familyName", "externalID"])
            let text = "Nr klienta,Imię,Nazwisko,E-mail\n1,Anna,Nowak,anna@o2.pl\n2,Jan,Lis,\n"
            let summary = try await run(store, Array(text.utf8), try mapping(), into: source)
            #expect(summary.quarantined == 1)
            #expect(summary.created == 1)
            #expect(summary.problems.first?.reasons.first?.hasPrefix("email: Touchpoint") == true)
        }
    }

    @Test("re-importing the same file matches instead of duplicating")
    func reimport() async throws {
        try await withTestStore { store in
            let source = try await touchpoint(store)
            let text = "Nr klienta,Imię,Nazwisko,E-mail\n1,Anna,Nowak,anna@o2.pl\n2,Jan,Lis,jan@o2.pl\n"
            let first = try await run(store, Array(text.utf8), try mapping(), into: source)
            let second = try await store.csvImport.run(
                .bytes(Array(text.utf8)), name: "people.csv", mapping: try mapping(), into: source, by: .system, batchSize: 1)
            #expect(first.created == 2)
            #expect(second.matched == 2)
            #expect(second.created == 0)
            let people = try await names(store)
            #expect(people.count == 2)
        }
    }

    @Test("batches written while the next is normalised keep every row, in order, each with its own outcome")
    func pipelinedBatches() async throws {
        try await withTestStore { store in
            let source = try await touchpoint(store)
            var text = "Nr klienta,Imię,Nazwisko,E-mail\n"
            for index in 1...11 {
                // Rows 4 and 9 break; row 7 repeats row 2's customer number (a match within the file).
                switch index {
                case 4: text += "4,Bad\n"
                case 9: text += "9,Ewa,Lis,not-an-email\n"
                case 7: text += "2,Jan,Nowak,jan2@o2.pl\n"
                default: text += "\(index),Osoba\(index),Nowak,o\(index)@o2.pl\n"
                }
            }
            let summary = try await store.csvImport.run(
                .bytes(Array(text.utf8)), name: "many.csv", mapping: try mapping(), into: source, by: .system, batchSize: 3)
            #expect(summary.rows == 11)
            #expect(summary.created == 8)
            #expect(summary.matched == 1)
            #expect(summary.quarantined == 2)
            #expect(summary.problems.map(\.line) == [5, 10])
            let raw = try await store.database.sql.raw(
                "SELECT lineage, outcome, person_id FROM raw_records WHERE source_id = \(bind: source.id.rawValue)"
            ).all()
            let outcomes = Dictionary(uniqueKeysWithValues: try raw.map {
                (try $0.decode(column: "lineage", as: String.self), try $0.decode(column: "outcome", as: String.self))
            })
            #expect(outcomes.count == 11)
            #expect(outcomes["many.csv:5"] == "quarantined")
            #expect(outcomes["many.csv:8"] == "matched")
            #expect(outcomes["many.csv:2"] == "created")
            #expect(try raw.filter { try $0.decode(column: "person_id", as: String?.self) != nil }.count == 9)
        }
    }

    @Test("a mapping naming a missing column stops before any row is read")
    func missingColumn() async throws {
        try await withTestStore { store in
            let text = "Imię,Nazwisko\nAnna,Nowak\n"
            await #expect(throws: CSVImportError.self) {
                try await run(store, Array(text.utf8), try mapping(), into: try await touchpoint(store))
            }
            let people = try await names(store)
            #expect(people.isEmpty)
        }
    }

    @Test("a file streamed from disk in chunks; undecodable bytes stop with a reason after the good rows")
    func streamedFile() async throws {
        try await withTestStore { store in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            var bytes = Array("Nr klienta,Imię,Nazwisko,E-mail\n".utf8)
            for index in 0..<3000 { bytes += Array("\(index),Anna,Nowak\(index),a\(index)@o2.pl\n".utf8) }
            bytes += [0xFF, 0x0A]
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let summary = try await store.csvImport.run(
                .file(path: path), name: "big.csv", mapping: try mapping(#", "encoding": "utf-8""#), into: try await touchpoint(store),
                by: .system)
            #expect(summary.created == 3000)
            #expect(summary.stopped?.contains("is not valid UTF-8") == true)
        }
    }
}
