@testable import RapportIdentity
import RapportCore
import RapportLocales
import Testing

@Suite("Address standardisation")
struct AddressTests {
    @Test("abbreviations and casing per country")
    func abbreviations() {
        #expect(
            AddressStandardiser.standardise("123 maple STREET", country: .us).line == "123 Maple St")
        #expect(
            AddressStandardiser.standardise("12 Lincoln avenue", country: .us).matchKey
                == "12 lincoln ave")
        #expect(
            AddressStandardiser.standardise("ULICA Marszałkowska 10", country: .pl).line
                == "ul. Marszałkowska 10")
        #expect(
            AddressStandardiser.standardise("aleja Jana Pawła ii 5", country: .pl).line
                == "al. Jana Pawła II 5")
        #expect(
            AddressStandardiser.standardise("plac Wolności 1", country: .pl).line == "pl. Wolności 1")
        #expect(
            AddressStandardiser.standardise("jalan sudirman no 12", country: .id).line
                == "Jl. Sudirman No. 12")
        #expect(AddressStandardiser.standardise("Gang Mawar 3", country: .id).line == "Gg. Mawar 3")
        #expect(
            AddressStandardiser.standardise("ul. Łąkowa 3", country: .pl).matchKey
                == AddressStandardiser.standardise("Ulica Lakowa 3", country: .pl).matchKey)
    }

    @Test("postcode formats per country")
    func postcodes() throws {
        #expect(try Postcode.normalise("02134", country: .us) == "02134")
        #expect(try Postcode.normalise("021341234", country: .us) == "02134-1234")
        #expect(try Postcode.normalise("00950", country: .pl) == "00-950")
        #expect(try Postcode.normalise("00-950", country: .pl) == "00-950")
        #expect(try Postcode.normalise("10110", country: .id) == "10110")
        #expect(
            throws: NormalisationError(
                field: .postcode, value: "1234", reason: .invalidFormat(expected: "NN-NNN"))
        ) {
            try Postcode.normalise("1234", country: .pl)
        }
        #expect(
            throws: NormalisationError(field: .postcode, value: "1O110", reason: .invalidCharacters)
        ) {
            try Postcode.normalise("1O110", country: .id)
        }
    }

    @Test("postcode and city are checked against reference data, diacritics folded")
    func postcodeCity() {
        #expect(PostcodeCityCheck.verify(city: "Lodz", postcode: "90-001", country: .pl) == .consistent)
        #expect(
            PostcodeCityCheck.verify(city: "Kraków", postcode: "90-001", country: .pl)
                == .cityMismatch(suggestedCity: "Łódź"))
        #expect(
            PostcodeCityCheck.verify(city: "Boston", postcode: "02110", country: .us) == .consistent)
        #expect(
            PostcodeCityCheck.verify(city: "Bandung", postcode: "99999", country: .id)
                == .postcodeOutsideCity(expected: "40111…40295"))
        #expect(PostcodeCityCheck.verify(city: "Nowhere", postcode: "99999", country: .id) == .unknown)
    }

    @Test("Polish surnames take the feminine form")
    func polishSurnames() {
        let poland = LocaleCatalog.of(.pl)
        #expect(poland.surname("Kowalski", female: true) == "Kowalska")
        #expect(poland.surname("Zawadzki", female: true) == "Zawadzka")
        #expect(poland.surname("Nowak", female: true) == "Nowak")
        #expect(poland.surname("Kowalski", female: false) == "Kowalski")
        #expect(LocaleCatalog.of(.us).surname("Smith", female: true) == "Smith")
    }
}

/// The stored addresses' standardiser (`RapportCore`) and the matching engine's must spell
/// one address one way: a record saying "Komplek" and another saying "Komp." are one home,
/// not a move from one to the other.
@Suite("Stored and matched addresses agree")
struct StoredAddressTests {
    @Test("every spelling the matching engine abbreviates, stored addresses abbreviate alike")
    func everyMatchingSpellingIsStoredAlike() {
        for country in Country.allCases {
            let stored = RapportCore.AddressStandardizer.streetAbbreviations[country.rawValue] ?? [:]
            for (spelling, abbreviation) in AddressStandardiser.abbreviations(for: country) {
                #expect(stored[abbreviation]?.contains(spelling) == true, "\(country): \(spelling) → \(abbreviation)")
            }
        }
    }

    @Test("two spellings of an Indonesian housing complex are one stored address")
    func oneComplexTwoSpellings() throws {
        func key(_ line1: String) throws -> String {
            let address = PostalAddress(line1: line1, city: "Jakarta Barat", postcode: "11391", country: "ID")
            return RapportCore.AddressStandardizer.matchKey(try RapportCore.AddressStandardizer.standardize(address).get())
        }
        let full = try key("komplek basuki rahmat nomor 153")
        #expect(try key("Komp. Basuki Rahmat no. 153") == full)
        #expect(try key("KOMPLEKS Basuki Rahmat No 153") == full)
        #expect(full.hasPrefix("komp. basuki rahmat no. 153"), "\(full)")
    }
}
