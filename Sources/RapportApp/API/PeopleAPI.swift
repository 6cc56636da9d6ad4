import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// `/api/v1/people`: people, their contact points, attributes and the customer 360.
struct PeopleAPI {
    let store: Store

    func register(on api: APIRoutes) {
        api.get("people", .readPeople) { request, _, actor in
            let params = try ListParameters(request)
            let filter = PersonFilter(
                text: params["q"], country: params["country"], householdID: try params.id("householdID"),
                organisationID: try params.id("organisationID"), status: try params.value("status", as: PersonStatus.self))
            let page = try await store.people.list(filter, order: try params.personOrder(), cursor: params.cursor, limit: params.limit, by: actor)
            return try JSONResponse.make(page)
        }
        api.post("people", .writePeople) { request, context, actor in
            let draft = try await request.decodeJSON(PersonDraft.self, context: context)
            let person = try draft.validated(id: store.ids.make(), now: Date())
            try await requireReferences(of: person)
            try await store.people.insert(person, by: actor)
            return try JSONResponse.make(person, status: .created, location: "/api/v1/people/\(person.id)")
        }
        api.post("people/import", .writePeople) { request, _, actor in
            var request = request
            let body = try await request.collectBody(upTo: 16 << 20)
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw DomainError.invalid([FieldIssue(field: "body", code: "invalid_utf8", message: "The CSV must be UTF-8 encoded.")])
            }
            let batch = try PeopleCSVImport(ids: store.ids, now: Date()).batch(from: text)
            try await BulkLoader(store: store).load(batch, by: actor)
            return try JSONResponse.make(["imported": batch.people.count, "contactPoints": batch.contactPoints.count], status: .created)
        }
        api.get("people/:id", .readPeople) { request, context, actor in
            try JSONResponse.make(try await store.people.find(try request.pathID(context, entity: "person"), by: actor))
        }
        api.patch("people/:id", .writePeople) { request, context, actor in
            let id: PersonID = try request.pathID(context, entity: "person")
            let patch = try await request.decodeJSON(PersonPatch.self, context: context)
            if case .set(let household) = patch.householdID, let householdID = HouseholdID(parsing: household) {
                _ = try await store.households.find(householdID)
            }
            return try JSONResponse.make(try await store.people.update(id, with: patch, by: actor))
        }
        api.get("people/:id/360", .readPeople) { request, context, actor in
            let document = try await store.customers.document(of: try request.pathID(context, entity: "person"), by: actor) {
                try StreamingJSONEncoder.encode($0)
            }
            return JSONResponse.make(encoded: document)
        }
        api.get("people/:id/contact-points", .readPeople) { request, context, actor in
            let person = try await store.people.find(try request.pathID(context, entity: "person"), by: actor)
            return try JSONResponse.make(try await store.contactPoints.forPerson(person.id))
        }
        api.post("people/:id/contact-points", .writePeople) { request, context, actor in
            let person = try await store.people.find(try request.pathID(context, entity: "person"), by: actor, audited: false)
            let draft = try await request.decodeJSON(ContactPointDraft.self, context: context)
            let point = try draft.validated(
                id: store.ids.make(), personID: person.id, organisationID: nil, defaultCountry: person.country, now: Date())
            try await store.contactPoints.insert(point, by: actor)
            return try JSONResponse.make(point, status: .created)
        }
        api.put("people/:id/attributes/:key", .writePeople) { request, context, actor in
            let id: PersonID = try request.pathID(context, entity: "person")
            let key = try context.parameters.require("key")
            let definition = try await store.attributes.definition(key: key)
            let body = try await request.decodeJSON(AttributeValueBody.self, context: context)
            let value = try body.value(for: definition)
            try await store.attributes.set(value, key: key, for: id, by: actor)
            return try JSONResponse.make(["key": key, "value": value.display])
        }
    }

    private func requireReferences(of person: Person) async throws {
        if let householdID = person.householdID { _ = try await store.households.find(householdID) }
        if let owner = person.ownerUserID, try await store.users.find(owner) == nil {
            throw DomainError.invalid([.invalid("ownerUserID", "ownerUserID '\(owner)' is not a user.")])
        }
    }
}

/// `{"value": …}` for an attribute, read according to the attribute's type.
struct AttributeValueBody: Decodable {
    let raw: RawJSON

    enum CodingKeys: String, CodingKey { case value }

    init(from decoder: any Decoder) throws {
        raw = try decoder.container(keyedBy: CodingKeys.self).decode(RawJSON.self, forKey: .value)
    }

    func value(for definition: AttributeDefinition) throws(DomainError) -> AttributeValue {
        let wrongType = DomainError.invalid([
            FieldIssue(field: "value", code: "wrong_type", message: "value must be a \(definition.type.rawValue) for attribute '\(definition.key)'.")
        ])
        switch (definition.type, raw) {
        case (.text, .string(let s)), (.choice, .string(let s)): return .text(s)
        case (.number, .number(let n)): return .number(n)
        case (.boolean, .bool(let b)): return .boolean(b)
        case (.date, .string(let s)):
            guard let day = LocalDate(iso: s) else {
                throw .invalid([.invalid("value", "value '\(s)' must be a date in the form YYYY-MM-DD.")])
            }
            return .date(day)
        case (.multiChoice, .strings(let items)): return .list(items)
        default: throw wrongType
        }
    }
}

/// The JSON shapes an attribute value may take.
enum RawJSON: Decodable {
    case string(String), number(Double), bool(Bool), strings([String])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else {
            self = .strings(try container.decode([String].self))
        }
    }
}
