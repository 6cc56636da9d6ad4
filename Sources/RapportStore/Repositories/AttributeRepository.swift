import Foundation
import RapportCore
import SQLKit

/// Runtime-defined attributes and their values per person (R3.1). Values live in one
/// narrow table keyed by (person, attribute), so adding the 101st attribute is an insert,
/// not a schema change. Numbers are stored as numbers (for range rules); everything
/// else as text (dates ISO, lists newline-separated, booleans `true`/`false`).
public struct AttributeRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let outbox: EventOutbox
    /// The definitions, by ID, for the customer 360's hot path (see ``views(for:)``).
    let known = KnownAttributes()

    public func define(_ definition: AttributeDefinition, by actor: Actor) async throws {
        try await database.transaction { db in
            if try await db.raw("SELECT id FROM attribute_definitions WHERE key = \(bind: definition.key)").first() != nil {
                throw DomainError.conflict(field: "key", message: "An attribute with key '\(definition.key)' already exists.")
            }
            try await Self.insert(definition, on: db)
            try await audit.record(.create, entityType: "attribute", entityID: definition.id.rawValue, detail: definition.key, by: actor, on: db)
        }
    }

    static func insert(_ d: AttributeDefinition, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO attribute_definitions (id, key, label, type, choices, purpose, created_at)
            VALUES (\(bind: d.id.rawValue), \(bind: d.key), \(bind: d.label), \(bind: d.type.rawValue),
              \(bind: d.choices.joined(separator: "\n")), \(bind: d.purpose.rawValue), \(bind: Timestamp.format(d.createdAt)))
            """
        ).run()
    }

    public func definitions() async throws -> [AttributeDefinition] {
        try await database.sql.raw("SELECT * FROM attribute_definitions ORDER BY key").all().map(Self.definition(from:))
    }

    public func definition(key: String) async throws -> AttributeDefinition {
        guard let row = try await database.sql.raw("SELECT * FROM attribute_definitions WHERE key = \(bind: key)").first() else {
            throw DomainError.notFound(entity: "attribute", id: key)
        }
        return try Self.definition(from: row)
    }

    /// How many people hold a value of each attribute (by key): an aggregate, no one's data.
    public func holders() async throws -> [String: Int] {
        var result: [String: Int] = [:]
        let rows = try await database.sql.raw(
            "SELECT d.key, COUNT(v.person_id) AS n FROM attribute_definitions d LEFT JOIN attribute_values v ON v.attribute_id = d.id GROUP BY d.key"
        ).all()
        for row in rows { result[try row.text("key")] = try row.integer("n") }
        return result
    }

    /// Sets one person's value, checked against the definition (a `person.updated` event).
    public func set(_ value: AttributeValue, key: String, for personID: PersonID, by actor: Actor) async throws {
        let definition = try await definition(key: key)
        try definition.validate(value)
        try await database.transaction { db in
            try await Visibility.requirePerson(personID, visibleTo: actor, on: db)
            try await Self.upsert(value, definition: definition, personID: personID, on: db)
            try await audit.record(.update, entityType: "person", entityID: personID.rawValue, detail: "attribute \(key)", by: actor, on: db)
            try await outbox.record(.personUpdated, entityID: personID.rawValue, on: db)
        }
    }

    static func upsert(_ value: AttributeValue, definition: AttributeDefinition, personID: PersonID, on db: any SQLDatabase) async throws {
        let (text, number) = Self.columns(of: value)
        try await db.raw(
            "DELETE FROM attribute_values WHERE person_id = \(bind: personID.rawValue) AND attribute_id = \(bind: definition.id.rawValue)"
        ).run()
        try await db.raw(
            """
            INSERT INTO attribute_values (person_id, attribute_id, value_text, value_number, updated_at)
            VALUES (\(bind: personID.rawValue), \(bind: definition.id.rawValue), \(bind: text), \(bind: number), \(bind: Timestamp.now()))
            """
        ).run()
    }

    /// A person's values, with their definitions, by label.
    public func values(for personID: PersonID) async throws -> [(AttributeDefinition, AttributeValue)] {
        let rows = try await database.read(
            """
            SELECT d.*, v.value_text, v.value_number FROM attribute_values v
            JOIN attribute_definitions d ON d.id = v.attribute_id WHERE v.person_id = ? ORDER BY d.label
            """, [.text(personID.rawValue)])
        return try rows.compactMap { row in
            let definition = try Self.definition(from: row)
            let text = try row.optionalText("value_text")
            let number = try row.decode(column: "value_number", as: Double?.self)
            return Self.value(type: definition.type, text: text, number: number).map { (definition, $0) }
        }
    }

    static func columns(of value: AttributeValue) -> (String?, Double?) {
        switch value {
        case .text(let s): (s, nil)
        case .number(let n): (nil, n)
        case .date(let d): (d.description, nil)
        case .boolean(let b): (b ? "true" : "false", nil)
        case .list(let items): (items.joined(separator: "\n"), nil)
        }
    }

    static func value(type: AttributeType, text: String?, number: Double?) -> AttributeValue? {
        switch type {
        case .number: number.map(AttributeValue.number)
        case .date: text.flatMap(LocalDate.init(iso:)).map(AttributeValue.date)
        case .boolean: text.map { .boolean($0 == "true") }
        case .multiChoice: text.map { .list($0.split(separator: "\n").map(String.init)) }
        case .text, .choice: text.map(AttributeValue.text)
        }
    }

    static func definition(from row: any SQLRow) throws -> AttributeDefinition {
        AttributeDefinition(
            id: try row.id("id"), key: try row.text("key"), label: try row.text("label"),
            type: try row.enumValue("type", as: AttributeType.self),
            choices: try row.text("choices").split(separator: "\n").map(String.init),
            purpose: try row.enumValue("purpose", as: AttributePurpose.self), createdAt: try row.instant("created_at"))
    }
}
