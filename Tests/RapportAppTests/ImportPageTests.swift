import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportStore
import Testing

@Suite("Import page (/admin/import)")
struct ImportPageTests {
    private func multipart(_ fields: [(name: String, filename: String?, bytes: [UInt8])], boundary: String) -> ByteBuffer {
        var body: [UInt8] = []
        for field in fields {
            let filename = field.filename.map { "; filename=\"\($0)\"" } ?? ""
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\"\(filename)\r\n\r\n".utf8)
            body += field.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    @Test func anUploadedFileIsImportedAndTheSummaryLinksToTheQuarantine() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let tp = try await fixture.registerTouchpoint(client, name: "import-page")
            let web = WebTests()
            let cookie = try await web.signIn(client)
            let page = try await client.execute(uri: "/admin/import", method: .get, headers: [.cookie: cookie]) { $0.body.text }
            #expect(page.contains("import-page"))
            let csrf = try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1).description
            // Windows-1250: "Żółć" is AF F3 B3 E6, "Wiśniewska" has 9C for ś; row 3's quote never closes.
            let csv: [UInt8] =
                Array("Nr klienta;Imi".utf8) + [0xEA] + Array(";Nazwisko\r\n1;".utf8) + [0xA3] + Array("ukasz;".utf8)
                + [0xAF, 0xF3, 0xB3, 0xE6] + Array("\r\n2;Jolanta;\"Wi".utf8) + [0x9C] + Array("niewska\r\n".utf8)
            let mapping = #"{"columns": {"Imię": "givenName", "Nazwisko": "familyName", "Nr klienta": "externalID"}, "delimiter": ";"}"#
            let boundary = "rapportTestBoundary"
            let body = multipart(
                [("csrf", nil, Array(csrf.utf8)), ("touchpoint", nil, Array(tp.utf8)), ("file", "klienci.csv", csv),
                 ("mapping", nil, Array(mapping.utf8)), ("mappingFile", "", [])],
                boundary: boundary)
            var headers: HTTPFields = [.cookie: cookie]
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            let result = try await client.execute(uri: "/admin/import", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                return response.body.text
            }
            #expect(result.contains("<strong>2</strong> rows: <strong>0</strong> matched, <strong>1</strong> created, <strong>1</strong> quarantined"))
            #expect(result.contains("windows-1250 (detected)"))
            #expect(result.contains("line 3: row: line 3: quoted field is never closed"))
            #expect(result.contains("href=\"/admin/quarantine\""))
            let created = try await fixture.count("SELECT COUNT(*) AS n FROM people WHERE given_name = 'Łukasz' AND family_name = 'Żółć'")
            #expect(created == 1)

            let missing = multipart(
                [("csrf", nil, Array(csrf.utf8)), ("touchpoint", nil, Array(tp.utf8)), ("file", "klienci.csv", csv),
                 ("mapping", nil, Array(#"{"columns": {"E-mail": "email"}, "delimiter": ";"}"#.utf8))],
                boundary: boundary)
            try await client.execute(uri: "/admin/import", method: .post, headers: headers, body: missing) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("column &#39;E-mail&#39; is not in the file") || response.body.text.contains("column 'E-mail' is not in the file"))
            }
            let forged = multipart([("csrf", nil, Array("nope".utf8)), ("touchpoint", nil, Array(tp.utf8))], boundary: boundary)
            try await client.execute(uri: "/admin/import", method: .post, headers: headers, body: forged) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
