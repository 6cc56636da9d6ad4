import RapportIdentity
import RapportLocales
import Testing

@Suite("Normalisation")
struct NormalisationTests {
    @Test("names fold to ASCII, including letters NFD does not decompose")
    func folding() {
        #expect(NameFolding.fold("Łukasz Żółć") == "lukasz zolc")
        #expect(NameFolding.fold("Łódź") == "lodz")
        #expect(NameFolding.fold("Søren Straße") == "soren strasse")
        #expect(NameFolding.fold("O'Brien-Smith") == "obrien smith")
        #expect(NameFolding.fold("  ÆSIR  ") == "aesir")
        #expect(NameFolding.fold("Nguyễn Văn") == "nguyen van")
    }

    @Test("e-mails are trimmed and lower-cased; the Gmail rule is optional")
    func email() throws {
        #expect(
            try EmailAddress.normalise("  Jan.Kowalski+crm@GMAIL.com ") == "jan.kowalski+crm@gmail.com")
        #expect(
            try EmailAddress.normalise("Jan.Kowalski+crm@googlemail.com", rule: .canonicalGmail)
                == "jankowalski@gmail.com")
        #expect(
            throws: NormalisationError(field: .email, value: "jan.kowalski", reason: .missingAtSign)
        ) {
            try EmailAddress.normalise("jan.kowalski")
        }
        #expect(throws: NormalisationError(field: .email, value: "a@b", reason: .invalidDomain)) {
            try EmailAddress.normalise("a@b")
        }
    }

    @Test("US phones to E.164")
    func phoneUS() throws {
        #expect(try PhoneNumber.e164("(212) 555-0100", country: .us) == "+12125550100")
        #expect(try PhoneNumber.e164("1-212-555-0100", country: .us) == "+12125550100")
        #expect(try PhoneNumber.e164("+1 212.555.0100", country: nil) == "+12125550100")
        #expect(throws: NormalisationError.self) {
            try PhoneNumber.e164("(112) 555-0100", country: .us)
        }
    }

    @Test("Polish phones to E.164")
    func phonePL() throws {
        #expect(try PhoneNumber.e164("22 123 45 67", country: .pl) == "+48221234567")
        #expect(try PhoneNumber.e164("0048 601-234-567", country: nil) == "+48601234567")
        #expect(try PhoneNumber.e164("(0-22) 123-45-67", country: .pl) == "+48221234567")
        let error = #expect(throws: NormalisationError.self) {
            try PhoneNumber.e164("601 234", country: .pl)
        }
        #expect(error?.field == .phone)
        #expect(error?.reason == .tooShort(minimum: 9))
    }

    @Test("Indonesian phones to E.164")
    func phoneID() throws {
        #expect(try PhoneNumber.e164("0812-3456-7890", country: .id) == "+6281234567890")
        #expect(try PhoneNumber.e164("+62 21 5550 1234", country: nil) == "+622155501234")
        #expect(try PhoneNumber.e164("(021) 5550-1234", country: .id) == "+622155501234")
        #expect(throws: NormalisationError(field: .phone, value: "0812 34", reason: .unknownCountry)) {
            try PhoneNumber.e164("0812 34", country: nil)
        }
        #expect(throws: NormalisationError(field: .phone, value: "0812x", reason: .invalidCharacters)) {
            try PhoneNumber.e164("0812x", country: .id)
        }
    }

    @Test("dates in the usual formats, with country hints and validation")
    func dates() throws {
        #expect(try CalendarDate.parse("19800512").compact == "19800512")
        #expect(try CalendarDate.parse("1980-05-12").compact == "19800512")
        #expect(try CalendarDate.parse("12.05.1980", country: .pl).compact == "19800512")
        #expect(try CalendarDate.parse("05/12/1980", country: .us).compact == "19800512")
        #expect(try CalendarDate.parse("05/12/1980", country: .id).compact == "19801205")
        #expect(try CalendarDate.parse("25/12/1980", country: .us).compact == "19801225")
        #expect(try CalendarDate.parse("2000-02-29").description == "2000-02-29")
        let error = #expect(throws: NormalisationError.self) { try CalendarDate.parse("1900-02-29") }
        #expect(error?.field == .dateOfBirth)
        #expect(error?.reason == .outOfRange("day 29"))
        #expect(throws: NormalisationError.self) { try CalendarDate.parse("12 May 1980") }
    }
}
