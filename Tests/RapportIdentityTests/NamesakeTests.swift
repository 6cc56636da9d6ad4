import RapportIdentity
import Testing

/// Namesakes and relatives among generated people: the hard non-matches that made EM learn
/// "same name" or "same household" as a match.
@Suite("Namesakes and relatives")
struct NamesakeTests {
    private static func record(
        _ id: String, given: String, surname: String, born: String, email: String, street: String, city: String,
        postcode: String
    ) -> PersonRecord {
        PersonRecord(
            id: id,
            [
                .givenName: given, .surname: surname, .dateOfBirth: born, .email: email, .address1: street,
                .city: city, .postcode: postcode, .country: "PL",
            ])
    }

    @Test("two Anna Nowaks with name-built e-mails elsewhere stay apart; one Anna who moved is merged")
    func nameBuiltEmails() {
        var records = HardPeopleGenerator(seed: 11).generate(count: 3_000).records
        records.append(
            Self.record(
                "anna-1", given: "Anna", surname: "Nowak", born: "", email: "anna.nowak@gmail.com",
                street: "ul. Długa 5", city: "Gdańsk", postcode: "80-827"))
        records.append(
            Self.record(
                "anna-2", given: "Anna", surname: "Nowak", born: "1971-03-14", email: "anna.nowak@onet.pl",
                street: "ul. Polna 17", city: "Kraków", postcode: "30-001"))
        records.append(
            Self.record(
                "anna-3", given: "Anna", surname: "Nowak", born: "14.03.1971", email: "anna.nowak@onet.pl",
                street: "ul. Leśna 2", city: "Poznań", postcode: "60-101"))
        let result = RecordLinkage().run(records)
        let cluster = Dictionary(uniqueKeysWithValues: zip(records.map(\.id), result.clusterIDs))
        #expect(cluster["anna-1"] != cluster["anna-2"])
        #expect(cluster["anna-2"] == cluster["anna-3"])
    }
}
