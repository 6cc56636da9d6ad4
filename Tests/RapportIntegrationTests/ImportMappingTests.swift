import RapportCore
import RapportIntegration
import Testing

@Suite("Import column mapping")
struct ImportMappingTests {
    private let json = """
        {"columns": {"Imię": "givenName", "Nazwisko": "familyName", "E-mail": "email", "Nr klienta": "externalID",
                     "shoe_size": "attributes.shoe_size", "Miasto": "address.city", "Urodzony": "birthDate"},
         "encoding": "windows-1250", "delimiter": ";", "dateFormat": "dd.mm.yyyy"}
        """

    @Test("reads columns, encoding, delimiter and date format; maps a row to a record")
    func mapsRow() throws {
        let mapping = try ImportMapping(json: Array(json.utf8))
        #expect(mapping.encoding == .windows1250)
        #expect(mapping.delimiter == UInt8(ascii: ";"))
        let header = ["Nr klienta", "Imię", "Nazwisko", "E-mail", "Miasto", "Urodzony", "shoe_size", "extra"]
        let bound = try BoundMapping(mapping, header: header)
        let record = try bound.record(["K-1", "Łukasz", "Żółć", "lz@wp.pl", "Łódź", "5.03.1980", "44", "x"]).get()
        #expect(record.externalID == "K-1")
        #expect(record.givenName == "Łukasz")
        #expect(record.address?.city == "Łódź")
        #expect(record.birthDate == "1980-03-05")
        #expect(record.attributes == ["shoe_size": .string("44")])
    }

    @Test("a mapping naming a missing column fails before any row, naming it and the header")
    func missingColumn() throws {
        let mapping = try ImportMapping(json: Array(json.utf8))
        let header = ["Imię", "Nazwisko"]
        #expect(throws: ImportMappingError.missingColumn("E-mail", header: header)) {
            try BoundMapping(mapping, header: header)
        }
        let message = ImportMappingError.missingColumn("E-mail", header: header).description
        #expect(message.contains("'E-mail'") && message.contains("'Imię', 'Nazwisko'"))
    }

    @Test("validation errors name the key")
    func validation() {
        func error(_ text: String) -> ImportMappingError? {
            do {
                _ = try ImportMapping(json: Array(text.utf8))
                return nil
            } catch { return error }
        }
        #expect(error(#"{"columns": {}}"#) == .missingKey("columns"))
        #expect(error(#"{"columns": {"a": "givenName"}, "colums": 1}"#) == .unknownKey("colums"))
        #expect(
            error(#"{"columns": {"a": "shoeSize"}}"#)
                == .invalidValue(key: "columns.a", value: "shoeSize", allowed: ImportTarget.knownNames))
        #expect(error(#"{"columns": {"a": "email"}, "encoding": "ebcdic"}"#).map { "\($0)" }?.contains("encoding 'ebcdic'") == true)
        #expect(error(##"{"columns": {"a": "email"}, "delimiter": "#"}"##).map { "\($0)" }?.contains("delimiter '#'") == true)
        #expect(error(#"{"columns": {"a": "email", "b": "email"}}"#) == .duplicateTarget(target: "email", columns: ["a", "b"]))
        #expect(error("[1]").map { "\($0)" }?.hasPrefix("mapping: not a JSON object") == true)
    }

    @Test("rows with too few or too many fields are refused with a reason")
    func fieldCount() throws {
        let bound = try BoundMapping(try ImportMapping(json: Array(#"{"columns": {"a": "email"}}"#.utf8)), header: ["a", "b"])
        guard case .failure(.invalid(let short)) = bound.record(["x"]) else { Issue.record("short row accepted"); return }
        #expect(short.first?.code == "missing_columns")
        #expect(short.first?.message.contains("'b'") == true)
        guard case .failure(.invalid(let long)) = bound.record(["x", "y", "z"]) else { Issue.record("long row accepted"); return }
        #expect(long.first?.code == "extra_columns")
    }
}
