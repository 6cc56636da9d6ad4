import Foundation
import NIOConcurrencyHelpers
import RapportCore
import SQLKit

extension AttributeRepository {
    /// A person's values as the customer 360 shows them, by label.
    ///
    /// With 100+ attributes a profile reads 100+ values, so each must cost as little as
    /// possible: one range scan of the covering index `attribute_values_person` (no table
    /// rows, no join), the definitions from memory (``KnownAttributes``), the sort by label
    /// in Swift.
    func views(for personID: PersonID) async throws -> [CustomerView.AttributeView] {
        let rows = try await database.read(
            "SELECT attribute_id, value_text, value_number, provenance, provided_at FROM attribute_values WHERE person_id = ?",
            [.text(personID.rawValue)])
        guard !rows.isEmpty else { return [] }
        var definitions = known.current
        var views: [CustomerView.AttributeView] = []
        views.reserveCapacity(rows.count)
        for row in rows {
            let id = try row.text("attribute_id")
            if definitions[id] == nil { definitions = try await known.reload(from: self) }
            guard let definition = definitions[id] else { continue }
            let number = try row.decode(column: "value_number", as: Double?.self)
            guard let value = Self.value(type: definition.type, text: try row.optionalText("value_text"), number: number)
            else { continue }
            var view = CustomerView.AttributeView(
                key: definition.key, label: definition.label, value: value.display, purpose: definition.purpose)
            if let provenance = try row.optionalText("provenance") {
                let day = try row.optionalText("provided_at").map { " \($0.prefix(10))" } ?? ""
                view.provenance = "from \(provenance),\(day)"
            }
            views.append(view)
        }
        return views.sorted { ($0.label, $0.key) < ($1.label, $1.key) }
    }
}

/// The attribute definitions by ID, kept in memory for the customer 360.
///
/// Definitions are only ever added (nothing changes or removes one), so the copy can only
/// lack a definition another process added since: a value whose definition it does not know
/// reloads it.
final class KnownAttributes: Sendable {
    private let definitions = NIOLockedValueBox<[String: AttributeDefinition]>([:])

    var current: [String: AttributeDefinition] { definitions.withLockedValue { $0 } }

    func reload(from repository: AttributeRepository) async throws -> [String: AttributeDefinition] {
        let all = Dictionary(uniqueKeysWithValues: try await repository.definitions().map { ($0.id.rawValue, $0) })
        definitions.withLockedValue { $0 = all }
        return all
    }
}
