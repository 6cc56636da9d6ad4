import Foundation
import RapportCore
import RapportIdentity
import RapportStore

/// People and clerical reviews for the identity tests, written straight into the store as
/// ingestion would (the review's explanation is a real ``MatchExplanation``, JSON-encoded).
struct IdentityFixture {
    let store: Store

    func person(_ given: String, _ family: String, birth: String? = nil) async throws -> PersonID {
        let person = try PersonDraft(givenName: given, familyName: family, birthDate: birth, country: "PL")
            .validated(id: store.ids.make(), now: Date())
        try await store.people.insert(person, by: .system)
        return person.id
    }

    /// An explanation with a term-frequency-adjusted name agreement and a swapped birth date.
    static func explanation(probability: Double) throws -> String {
        let json = """
            {"recordA":"a","recordB":"b","priorWeight":-9.5,"totalWeight":3.25,"probability":\(probability),"fields":[
             {"field":0,"level":1,"levelName":"exact","valueA":"anna","valueB":"anna","weight":6.5,"termFrequencyAdjusted":true},
             {"field":1,"level":2,"levelName":"jaro-winkler >= 0.92","valueA":"nowak","valueB":"nowack","weight":4.75,
              "termFrequencyAdjusted":false},
             {"field":2,"level":2,"levelName":"day-month swap or one edit","valueA":"1980-04-02","valueB":"1980-02-04",
              "weight":1.5,"termFrequencyAdjusted":false},
             {"field":9,"level":0,"levelName":"missing","valueA":"","valueB":"anna@example.pl","weight":0,
              "termFrequencyAdjusted":false}]}
            """
        let explanation = try JSONDecoder().decode(MatchExplanation.self, from: Data(json.utf8))
        return String(decoding: try JSONEncoder().encode(explanation), as: UTF8.self)
    }

    /// An open review proposing that `person` is `candidate`.
    func review(_ person: PersonID, _ candidate: PersonID, probability: Double) async throws -> MatchReviewID {
        let id: MatchReviewID = store.ids.make()
        try await store.database.sql.raw(
            """
            INSERT INTO match_reviews (id, person_id, candidate_id, probability, total_weight, explanation, origin, status, created_at)
            VALUES (\(bind: id.rawValue), \(bind: person.rawValue), \(bind: candidate.rawValue), \(bind: probability), 3.25,
              \(bind: try Self.explanation(probability: probability)), 'ingestion', 'open', \(bind: Timestamp.now()))
            """
        ).run()
        return id
    }
}
