import Foundation
import RapportCore
import SQLKit

/// The outcome of suppressing a file of people (`rapport suppress FILE`).
public struct BulkSuppression: Sendable, Equatable {
    /// How many people were suppressed now.
    public var suppressed: Int
    /// Lines naming a person who already had a current suppression for the same reason.
    public var alreadySuppressed: Int
    /// Lines that named nobody, with their 1-based line number and why.
    public var unmatched: [Unmatched]

    public struct Unmatched: Sendable, Equatable {
        public var line: Int
        public var text: String
        public var reason: String
    }
}

extension SuppressionRepository {
    /// Suppresses everyone the lines name — a person ID (`per_…`) or an e-mail address of
    /// theirs, in the first column of a CSV line — for `reason`, in one transaction (all or
    /// nothing). A header line (`id`, `email`, `person_id`) and empty lines are skipped; lines
    /// that name nobody, or an e-mail several people share, are reported and suppress no one.
    public func suppress(
        lines: [String], reason: SuppressionReason, note: String? = nil, by actor: Actor, now: Date = Date()
    ) async throws -> BulkSuppression {
        let fields = try SuppressionDraft(reason: reason.rawValue, note: note).validated()
        return try await database.transaction { db in
            var result = BulkSuppression(suppressed: 0, alreadySuppressed: 0, unmatched: [])
            var done = Set<PersonID>()
            for (index, line) in lines.enumerated() {
                let text = Self.firstField(line)
                if text.isEmpty || (index == 0 && ["id", "email", "person_id", "e-mail"].contains(text.lowercased())) {
                    continue
                }
                let person: PersonID
                switch try await Self.person(named: text, visibleTo: actor, on: db) {
                case .success(let found): person = found
                case .failure(let why):
                    result.unmatched.append(.init(line: index + 1, text: text, reason: why.message))
                    continue
                }
                let current = try await Self.of(person, on: db).contains {
                    $0.contactPointID == nil && $0.reason == reason && $0.isCurrent(on: LocalDate(now))
                }
                if current || done.contains(person) {
                    result.alreadySuppressed += 1
                    continue
                }
                _ = try await suppress(person, fields, by: actor, now: now, on: db)
                done.insert(person)
                result.suppressed += 1
            }
            return result
        }
    }

    private struct NoMatch: Error { let message: String }

    /// The person a line names: by ID, or by an e-mail address exactly one visible person has.
    private static func person(named text: String, visibleTo actor: Actor, on db: any SQLDatabase) async throws
        -> Result<PersonID, NoMatch>
    {
        if let id = PersonID(parsing: text) {
            do {
                try await Visibility.requirePerson(id, visibleTo: actor, on: db)
                return .success(id)
            } catch is DomainError {
                return .failure(NoMatch(message: "no person with this ID"))
            }
        }
        guard case .success(let email) = EmailAddress.normalize(text) else {
            return .failure(NoMatch(message: "neither a person ID nor an e-mail address"))
        }
        var sql = SQLQueryString(
            "SELECT DISTINCT p.id FROM contact_points c JOIN people p ON p.id = c.person_id WHERE ")
        Visibility.restrictPeople(&sql, alias: "p", actor: actor)
        sql += "c.kind = 'email' AND c.normalized = \(bind: email) LIMIT 2"
        let ids = try await db.raw(sql).all().map { try $0.text("id") }
        switch ids.count {
        case 0: return .failure(NoMatch(message: "no person with this e-mail address"))
        case 1: return .success(PersonID(rawValue: ids[0]))
        default: return .failure(NoMatch(message: "several people share this e-mail address; use their IDs"))
        }
    }

    /// The first CSV field of a line, unquoted and trimmed.
    static func firstField(_ line: String) -> String {
        let trimmed = line.trimmingSpacesAndNewlines()
        if trimmed.hasPrefix("\"") {
            let body = trimmed.dropFirst()
            guard let end = body.firstIndex(of: "\"") else { return String(body) }
            return String(body[..<end]).trimmingSpaces()
        }
        return String(trimmed.prefix { $0 != "," && $0 != ";" && $0 != "\t" }).trimmingSpaces()
    }
}
