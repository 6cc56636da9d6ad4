import Foundation
import RapportCore
@testable import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("The clerical-review queue in the store (R1.7)")
struct MatchReviewTests {
    // MARK: Tests

    @Test func rejectRecordsTheDistinctPairOnceAndClosesBothDirections() async throws {
        try await withTestStore { store in
            let f = MergeFixture(store: store)
            let a = try await f.person("Piotr", "Zieliński")
            let b = try await f.person("Piotr", "Zielinski")
            let forward = try await f.review(b.id, a.id, probability: 0.8)
            let backward = try await f.review(a.id, b.id, probability: 0.6)
            await #expect(throws: DomainError.invalid([.tooLong("note", max: 500)])) {
                _ = try await store.reviews.reject(forward, note: String(repeating: "x", count: 501), by: f.admin)
            }
            let rejected = try await store.reviews.reject(forward, note: "different fathers", by: f.admin)
            #expect(rejected.status == .rejected && rejected.note == "different fathers" && rejected.decidedBy == "test-admin")
            #expect(try await MatchReviews.find(backward, on: store.database.sql).status == .rejected)
            let pairs = try await store.database.sql.raw("SELECT person_a, person_b FROM distinct_people").all()
            #expect(try pairs.map { [try $0.decode(column: "person_a", as: String.self), try $0.decode(column: "person_b", as: String.self)] }
                == [[a.id.rawValue, b.id.rawValue].sorted()])
            do {
                _ = try await store.reviews.accept(forward, note: nil, by: f.admin)
                Issue.record("a rejected review was accepted")
            } catch DomainError.conflict(let field, let message) {
                #expect(field == "status" && message.contains("rejected"))
            }
            #expect(try await store.reviews.list(cursor: nil, limit: 10, by: f.admin).items.isEmpty)
            #expect(try await store.reviews.list(status: .rejected, cursor: nil, limit: 10, by: f.admin).items.count == 2)
        }
    }

    @Test func acceptMergesIntoTheCandidateAndTheDetailShowsWhereTheOtherWent() async throws {
        try await withTestStore { store in
            let f = MergeFixture(store: store)
            let older = try await f.person("Piotr", "Zieliński")
            let newer = try await f.person("Piotr", "Zielinski")
            let other = try await f.person("Paweł", "Zieliński")
            let review = try await f.review(newer.id, older.id, probability: 0.8, explanation: #"{"evidence":"kept as sent"}"#)
            let elsewhere = try await f.review(newer.id, other.id, probability: 0.7)
            let (accepted, merge) = try await store.reviews.accept(review, note: nil, by: f.admin)
            #expect(accepted.status == .accepted)
            #expect(merge.survivorID == older.id && merge.absorbedID == newer.id && merge.reason == .reviewAccepted)
            #expect(merge.reviewID == review && merge.explanation == #"{"evidence":"kept as sent"}"#)
            let detail = try await store.reviews.detail(elsewhere, by: f.admin)
            #expect(detail.review.status == .obsolete && detail.person.mergedInto == older.id)
            #expect(detail.review.note?.contains(merge.id.rawValue) == true)
            // Undoing the merge gives the obsolete review back to the queue; the accepted one stays decided.
            _ = try await store.merges.unmerge(merge.id, by: f.admin)
            #expect(try await store.reviews.list(cursor: nil, limit: 10, by: f.admin).items.map(\.id) == [elsewhere])
        }
    }
}
