import Foundation
import RapportCore
import SQLKit

extension AttributeRepository {
    /// One value to set.
    public struct Assignment: Sendable {
        public var personID: PersonID
        public var key: String
        public var value: AttributeValue
        /// Where an appended value came from (R1.9); nil for a value entered by staff.
        public var provenance: Provenance?

        public init(personID: PersonID, key: String, value: AttributeValue, provenance: Provenance? = nil) {
            self.personID = personID
            self.key = key
            self.value = value
            self.provenance = provenance
        }
    }

    /// The touchpoint that supplied a value and a line for people ("Acme Data (acme.csv line 12)").
    public struct Provenance: Sendable {
        public var sourceID: SourceID
        public var text: String

        public init(sourceID: SourceID, text: String) {
            self.sourceID = sourceID
            self.text = text
        }
    }

    /// Sets many values at once, all or nothing — an import of attributes: every value is
    /// checked against its definition first (an error names `values[INDEX].value` or
    /// `.key`), then everything is written in one transaction, with one audit entry per
    /// person and, when a webhook subscribes to it, one `person.updated` event.
    public func set(_ assignments: [Assignment], by actor: Actor) async throws {
        guard !assignments.isEmpty else { return }
        let definitions = Dictionary(uniqueKeysWithValues: try await definitions().map { ($0.key, $0) })
        var issues = IssueCollector()
        var rows: [[QueryValue]] = []
        var rowIndex: [String: Int] = [:]
        var keysByPerson: [PersonID: Set<String>] = [:]
        var originByPerson: [PersonID: String] = [:]
        let now = Timestamp.now()
        for (index, assignment) in assignments.enumerated() {
            guard let definition = definitions[assignment.key] else {
                issues.add(.unknown("values[\(index)].key", value: assignment.key, allowed: definitions.keys.sorted()))
                continue
            }
            do {
                try definition.validate(assignment.value, field: "values[\(index)].value")
            } catch {
                if case .invalid(let found) = error { found.forEach { issues.add($0) } }
                continue
            }
            let (text, number) = Self.columns(of: assignment.value)
            let row: [QueryValue] = [
                .text(assignment.personID.rawValue), .text(definition.id.rawValue), .text(text),
                number.map(QueryValue.real) ?? .null, .text(now), .text(assignment.provenance?.sourceID.rawValue),
                .text(assignment.provenance?.text), .text(assignment.provenance.map { _ in now }),
            ]
            // The same person and key twice: the later value wins, as it would one by one.
            let slot = assignment.personID.rawValue + "\u{0}" + definition.id.rawValue
            if let earlier = rowIndex[slot] { rows[earlier] = row } else {
                rowIndex[slot] = rows.count
                rows.append(row)
            }
            keysByPerson[assignment.personID, default: []].insert(definition.id.rawValue)
            if let provenance = assignment.provenance { originByPerson[assignment.personID] = provenance.text }
        }
        try issues.check()
        let people = keysByPerson.keys.sorted { $0.rawValue < $1.rawValue }
        let (written, keys, origins) = (rows, keysByPerson, originByPerson)
        // As for bulk loads (EventOutbox+Bulk): events only when someone subscribes to them.
        let evented = !(try await outbox.subscribers(on: database.sql).byType[.personUpdated] ?? []).isEmpty
        try await database.transaction { db in
            for person in people {
                try await Visibility.requirePerson(person, visibleTo: actor, on: db)
                let ids = keys[person]!.sorted()
                var delete = SQLQueryString("DELETE FROM attribute_values WHERE person_id = \(bind: person.rawValue) AND attribute_id IN (")
                for (offset, id) in ids.enumerated() { delete += offset == 0 ? "\(bind: id)" : ", \(bind: id)" }
                try await db.raw(delete + ")").run()
            }
            try await BulkTable(
                "attribute_values",
                ["person_id", "attribute_id", "value_text", "value_number", "updated_at", "source_id", "provenance", "provided_at"],
                written
            ) { $0 }.insert(on: db)
            for person in people {
                try await audit.record(
                    .update, entityType: "person", entityID: person.rawValue,
                    detail: "attributes: \(keys[person]!.count) set" + (origins[person].map { " from \($0)" } ?? ""),
                    by: actor, on: db)
                if evented { _ = try await outbox.record(.personUpdated, entityID: person.rawValue, on: db) }
            }
        }
    }
}
