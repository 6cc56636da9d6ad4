import Foundation
import RapportCore

extension CustomerViewReader {
    /// The person's household links with the other person's name, leaving out people
    /// `actor` may not see. A link is one edge of the household's spanning tree, so a person
    /// has at least one link in a household of two or more.
    func householdLinks(of id: PersonID, by actor: Actor) async throws -> [CustomerView.HouseholdLinkView] {
        try await database.read(
            """
            SELECT p.*, l.reason FROM household_links l
            JOIN people p ON p.id = CASE WHEN l.person_id = ? THEN l.other_person_id ELSE l.person_id END
            WHERE l.person_id = ? OR l.other_person_id = ? ORDER BY p.search_name, p.id
            """, [.text(id.rawValue), .text(id.rawValue), .text(id.rawValue)]
        ).compactMap { row in
            let other = try PersonRepository.person(from: row)
            guard Visibility.allows(other, to: actor) else { return nil }
            return CustomerView.HouseholdLinkView(
                personID: other.id, name: other.displayName, reason: try row.text("reason"))
        }
    }
}
