import Foundation
import Testing

@testable import RapportCore

@Suite("Contact points: e-mail, E.164 phones, addresses (R1.4, R1.5)")
struct ContactPointTests {
    @Test(arguments: [
        ("(415) 555-0134", "US", "+14155550134", "+1 (415) 555-0134"),
        ("1-415-555-0134", "US", "+14155550134", "+1 (415) 555-0134"),
        ("601 234 567", "PL", "+48601234567", "+48 601 234 567"),
        ("0048 601-234-567", nil, "+48601234567", "+48 601 234 567"),
        ("0812-3456-7890", "ID", "+6281234567890", "+62 812-3456-7890"),
        ("+62 21 555 1234", nil, "+62215551234", "+62 215-5512-34"),
    ] as [(String, String?, String, String)])
    func phonesBecomeE164(input: String, country: String?, e164: String, formatted: String) throws {
        let phone = try PhoneNumber.parse(input, country: country).get()
        #expect(phone.e164 == e164)
        #expect(phone.formatted == formatted)
    }

    @Test(arguments: ["12345", "+48 601 234", "call me", "555-0134"])
    func badPhonesNameTheField(input: String) {
        let result = PhoneNumber.parse(input, country: "PL", field: "value")
        guard case .failure(let issue) = result else {
            Issue.record("\(input) was accepted")
            return
        }
        #expect(issue.field == "value")
    }

    @Test func emailsAreLowerCasedAndChecked() throws {
        #expect(try EmailAddress.normalize("  Jan.Kowalski@Example.PL ").get() == "jan.kowalski@example.pl")
        for bad in ["jan@", "@example.com", "jan@example", "jan kowalski@example.com", "a@b..com"] {
            #expect((try? EmailAddress.normalize(bad).get()) == nil, "\(bad) should be rejected")
        }
    }

    @Test func addressesAreStandardisedPerCountry() throws {
        let pl = try AddressStandardizer.standardize(PostalAddress(line1: "ULICA  długa 5/3", city: "kraków", postcode: "31123", country: "pl")).get()
        #expect(pl.line1 == "ul. Długa 5/3")
        #expect(pl.postcode == "31-123")
        #expect(pl.city == "Kraków")
        let us = try AddressStandardizer.standardize(PostalAddress(line1: "123 main street", city: "austin", postcode: "787011234", region: "tx", country: "US")).get()
        #expect(us.line1 == "123 Main St")
        #expect(us.postcode == "78701-1234")
        #expect(us.region == "TX")
        let id = try AddressStandardizer.standardize(PostalAddress(line1: "jalan merdeka no. 10", city: "bandung", postcode: "40111", country: "ID")).get()
        #expect(id.line1 == "Jl. Merdeka No. 10")
        #expect(AddressStandardizer.matchKey(pl).contains("dluga"))
    }

    @Test func badPostcodeNamesTheField() {
        guard case .failure(.invalid(let issues)) = AddressStandardizer.standardize(PostalAddress(line1: "ul. Długa 5", city: "Kraków", postcode: "3-1123x", country: "PL")) else {
            Issue.record("postcode accepted")
            return
        }
        #expect(issues.map(\.field) == ["address.postcode"])
    }

    @Test func draftOfPostalAddressNeedsTheParts() {
        let draft = ContactPointDraft(kind: "postal", address: AddressDraft(line1: "", city: "Łódź"))
        #expect {
            try draft.validated(id: IDGenerator.seeded(2).make(), personID: nil, organisationID: nil, defaultCountry: "PL", now: Date())
        } throws: { error in
            guard case DomainError.invalid(let issues) = error else { return false }
            return issues.map(\.field) == ["address.line1"]
        }
    }

    @Test func searchTextFoldsPolishLetters() {
        #expect(SearchText.fold("Łukasz  ŻÓŁĆ") == "lukasz zolc")
        #expect(SearchText.fold("Łódź") == "lodz")
        #expect(SearchText.fold("Straße") == "strasse")
    }

    /// The ASCII fast path folds exactly as the Unicode path does, whitespace and control
    /// characters included.
    @Test func searchTextFoldsASCIIAsUnicodeFoldingDoes() {
        #expect(SearchText.fold("  Main   St.\t\r\n#4 ") == "main st. #4")
        let ascii = (0...0x7F).map { String(UnicodeScalar(UInt8($0))) }
        for first in ascii {
            for second in ascii {
                for text in [first + second, " " + first + "\t " + second + "x\n"] {
                    #expect(SearchText.foldASCII(text) == SearchText.foldUnicode(text), "\(Array(text.utf8))")
                }
            }
        }
        #expect(SearchText.foldASCII("Łódź") == nil)
    }
}

@Suite("Address standardisation is stable")
struct AddressStabilityTests {
    @Test func standardisingTwiceChangesNothingAndKeepsRomanNumerals() throws {
        let once = try AddressStandardizer.standardize(PostalAddress(line1: "aleja jana pawła ii 12", city: "warszawa", postcode: "00-001", country: "PL")).get()
        #expect(once.line1 == "al. Jana Pawła II 12")
        let twice = try AddressStandardizer.standardize(once).get()
        #expect(twice == once)
    }
}
