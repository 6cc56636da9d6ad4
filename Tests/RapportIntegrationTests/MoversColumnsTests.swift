import Foundation
import RapportCore
import RapportIntegration
import Testing

@Suite("Movers file columns (R1.6)")
struct MoversColumnsTests {
    let ids = IDGenerator.seeded(3)

    @Test func columnNamesAreRecognisedInAnySpelling() throws {
        let columns = try MoversColumns(
            header: ["Surname", "First Name", "FROM_STREET", "from-city", "Old Zip", "toStreet", "TO CITY", "new_postcode",
                     "Country", "Move Date", "Note"])
        #expect(columns.ignored == ["Note"])
        let row = try columns.row(
            ["Kowalska", "Anna", "ulica Długa 5", "kraków", "30001", "ul. nowa 7", "Gdańsk", "80001", "pl", "2026-06-01", "x"],
            ids: ids, now: Date()
        ).get()
        #expect(row.record.familyName == "Kowalska" && row.record.givenName == "Anna")
        #expect(row.record.oldAddressKey == "ul. dluga 5 30-001 krakow pl")
        #expect(row.newAddress.address?.postcode == "80-001")
        #expect(row.newAddress.validFrom == LocalDate(iso: "2026-06-01"))
        #expect(row.record.moveType == .family)
    }

    @Test func badValuesAreNamedByField() throws {
        let columns = try MoversColumns(
            header: ["surname", "old_address", "old_city", "new_address", "new_city", "country", "date", "type"],
            effectiveDateColumn: "date", dateFormat: .dayMonthYear)
        let row = columns.row(["Nowak", "ul. Krótka 1", "", "ul. Nowa 7", "Gdańsk", "PL", "2026-06-01", "B"], ids: ids, now: Date())
        guard case .failure(.invalid(let issues)) = row else {
            Issue.record("a bad row was read")
            return
        }
        #expect(Set(issues.map(\.field)) == ["oldAddress.city", "effectiveDate", "moveType"])
    }
}
