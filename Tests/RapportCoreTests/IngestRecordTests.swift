import Foundation
import RapportCore
import Testing

@Suite("Ingested records: normalisation and allowed attributes (R1.4)")
struct IngestRecordTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let ids = IDGenerator.seeded(3)

    func touchpoint(_ allowed: [String] = []) -> Touchpoint {
        Touchpoint(id: SourceID(rawValue: "src_01AAAAAAAAAAAAAAAAAAAAAAAA"), name: "shop", kind: .web, trustRank: 2, allowedAttributes: allowed, createdAt: now)
    }

    @Test func valuesAreBroughtToStandardFormAndKeysOrderedStrongestFirst() throws {
        let record = IngestRecord(
            externalID: " 42 ", loyaltyCard: "ab-12", givenName: " Łukasz ", familyName: "Żółć", birthDate: "1990-01-31",
            gender: "MALE", email: "Jan.Kowalski@Example.PL", phone: "601 234 567", country: "pl")
        let normalised = try record.normalised(for: touchpoint(), ids: ids, now: now).get()
        #expect(normalised.givenName == "Łukasz", "diacritics kept for display")
        #expect(normalised.gender == .male)
        #expect(normalised.country == "PL")
        #expect(normalised.keys == [
            PersonKey(kind: .externalID, value: "src_01AAAAAAAAAAAAAAAAAAAAAAAA:42"), PersonKey(kind: .loyaltyCard, value: "AB12"),
            PersonKey(kind: .email, value: "jan.kowalski@example.pl"), PersonKey(kind: .phone, value: "+48601234567"),
        ])
        #expect(normalised.contactPoints.allSatisfy { $0.sourceID == touchpoint().id && $0.personID == nil })
    }

    @Test func everyProblemIsReportedUnderTheRecordsOwnFieldNames() {
        let record = IngestRecord(givenName: "A", birthDate: "31.01.1990", gender: "x", email: "a@b", phone: "+1 555", address: AddressDraft(line1: "Main St 1"))
        guard case .failure(.invalid(let issues)) = record.normalised(for: touchpoint(), ids: ids, now: now) else {
            Issue.record("expected a failure")
            return
        }
        #expect(issues.map(\.field) == ["birthDate", "gender", "email", "phone", "address.city", "address.country"])
        #expect(issues.first { $0.field == "email" }?.message.hasPrefix("email 'a@b'") == true)
    }

    @Test func onlyAllowedAttributesMayBeSupplied() {
        let record = IngestRecord(familyName: "Nowak", email: "a@example.pl", address: AddressDraft(line1: "ul. Długa 1", city: "Gdańsk", country: "PL"),
                                  attributes: ["vip": .bool(true)])
        guard case .failure(.invalid(let issues)) = record.normalised(for: touchpoint(["familyName", "vip"]), ids: ids, now: now) else {
            Issue.record("expected a failure")
            return
        }
        #expect(issues.map(\.field) == ["email", "address"])
        #expect(issues.allSatisfy { $0.code == "not_allowed" })
    }
}
