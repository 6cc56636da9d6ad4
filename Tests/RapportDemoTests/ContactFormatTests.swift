import RapportCore
import RapportDemo
import Testing

@Suite("Contact points in national formats")
struct ContactFormatTests {
    private var personal: [ContactPoint] { DemoFixture.contactPoints.filter { $0.personID != nil } }
    private var countryOf: [PersonID: String] {
        Dictionary(uniqueKeysWithValues: DemoFixture.people.map { ($0.id, $0.country ?? "") })
    }

    @Test func everyPersonHasANormalisedASCIIEmailAndMostAPhone() {
        let people = DemoFixture.people.count
        let emails = personal.filter { $0.kind == .email }
        #expect(emails.count == people)
        #expect(
            emails.allSatisfy {
                (try? EmailAddress.normalize($0.value).get()) == $0.value && $0.normalized == $0.value
            })
        #expect(emails.allSatisfy { $0.value.unicodeScalars.allSatisfy(\.isASCII) })
        let phoned = Set(personal.filter { $0.kind == .phone }.map(\.personID))
        #expect(percent(phoned.count, of: people) > 80)
    }

    @Test func emailsTransliterateTheNames() {
        let byPerson = Dictionary(
            uniqueKeysWithValues: personal.filter { $0.kind == .email }.map { ($0.personID!, $0.value) })
        let withDiacritics = DemoFixture.people.filter {
            $0.country == "PL" && ($0.familyName ?? "").contains(where: { "łśżźćńóąę".contains($0) })
        }
        #expect(withDiacritics.count > 50)
        let matching = withDiacritics.filter { person in
            let folded = SearchText.fold(person.familyName!).filter(\.isLetter)
            return byPerson[person.id]!.contains(folded)
        }
        #expect(percent(matching.count, of: withDiacritics.count) > 70)
    }

    @Test func phonesAreValidE164ForTheirCountryAndRoundTrip() {
        let codes = ["US": "+1", "PL": "+48", "ID": "+62"]
        let countryOf = countryOf
        let organisationCountries = Dictionary(
            uniqueKeysWithValues: DemoFixture.organisations.map { ($0.id, $0.country!) })
        for phone in DemoFixture.contactPoints where phone.kind == .phone {
            let country =
                phone.personID.map { countryOf[$0]! } ?? organisationCountries[phone.organisationID!]!
            let parsed = try? PhoneNumber.parse(phone.value, country: country).get()
            #expect(parsed?.e164 == phone.normalized, "\(phone.value)")
            #expect(parsed?.formatted == phone.value)
            #expect(phone.normalized.hasPrefix(codes[country]!))
        }
    }

    @Test func postcodesAndStreetsFollowEachCountrysForm() {
        let patterns: [String: Regex<Substring>] = [
            "US": /\d{5}/, "PL": /\d{2}-\d{3}/, "ID": /\d{5}/,
        ]
        let postal = DemoFixture.contactPoints.filter { $0.kind == .postal }
        #expect(!postal.isEmpty)
        for point in postal {
            let address = point.address!
            #expect(
                (try? patterns[address.country]!.wholeMatch(in: address.postcode ?? "")) != nil,
                "\(address)")
            #expect(point.normalized == AddressStandardizer.matchKey(address))
            switch address.country {
            case "US": #expect(address.line1.first!.isNumber && address.region?.count == 2)
            case "PL": #expect(["ul. ", "al. ", "os. "].contains { address.line1.hasPrefix($0) })
            default:
                #expect(
                    ["Jl. ", "Gg. "].contains { address.line1.hasPrefix($0) }
                        && address.line1.contains(" No. "))
            }
        }
    }
}
