import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// Applies an enrichment file (R1.9): a third party's attributes, one person per row, keyed
/// by e-mail, phone, customer number, loyalty card or person ID, read with an import mapping
/// (``ImportMapping``: key columns to `email`, `phone`, `externalID`, `loyaltyCard`, value
/// columns to `attributes.KEY`). Each value is stored with its provenance — the touchpoint
/// named as the source, the file and line, the day — which the 360 shows beside it.
///
/// The mapping is checked before any row is read: every attribute must be defined and, when
/// the touchpoint lists what it may supply, allowed to it; a column mapped to anything but a
/// key or an attribute is refused, since enrichment never changes names or addresses.
/// A customer number is looked up as any touchpoint knows it (the file comes from outside,
/// so it is nobody's own numbering). Keys of one row pointing to two people make the row
/// ambiguous; a row with a value its attribute does not take is rejected whole. Rows are
/// applied in transactions of `batchSize`, each person's change audited with the source.
public struct EnrichmentImport: Sendable {
    let database: Database
    let ids: IDGenerator
    let attributes: AttributeRepository
    let sources: SourceRepository

    public static let defaultBatchSize = 500

    /// Applies the file. Throws ``CSVImportError`` for an unreadable file or header or a
    /// mapping naming a missing column, and `DomainError.invalid` naming each column at fault
    /// for attributes not defined or not allowed — both before any value is set.
    public func run(
        _ input: ImportInput, name: String, mapping: ImportMapping, personIDColumn: String? = nil, source: Touchpoint,
        by actor: Actor, batchSize: Int = defaultBatchSize
    ) async throws -> EnrichmentSummary {
        let file = try CSVFileRows(input, encoding: mapping.encoding, delimiter: mapping.delimiter)
        let bound: BoundMapping
        do {
            bound = try BoundMapping(mapping, header: file.header)
        } catch {
            throw CSVImportError.mapping(error)
        }
        let definitions = Dictionary(uniqueKeysWithValues: try await attributes.definitions().map { ($0.key, $0) })
        let personIDIndex = try Self.check(
            mapping, header: file.header, personIDColumn: personIDColumn, definitions: definitions, source: source)
        let touchpoints = try await sources.list().map(\.id)
        var summary = EnrichmentSummary()
        var batch: [AttributeRepository.Assignment] = []
        func flush() async throws {
            guard !batch.isEmpty else { return }
            try await attributes.set(batch, by: actor)
            batch.removeAll(keepingCapacity: true)
        }
        do {
            while let row = try file.next() {
                summary.rows += 1
                let fields: [String]
                switch row.fields {
                case .success(let read): fields = read
                case .failure(let error):
                    summary.rejected += 1
                    summary.problem(row.line, "rejected", ["row: \(error.description)"])
                    continue
                }
                let record: IngestRecord
                switch bound.record(fields) {
                case .success(let read): record = read
                case .failure(let error):
                    summary.rejected += 1
                    summary.problem(row.line, "rejected", MoversImport.reasons(error))
                    continue
                }
                let values: [(String, AttributeValue)]
                do {
                    values = try Self.values(of: record, definitions: definitions)
                } catch {
                    summary.rejected += 1
                    summary.problem(row.line, "rejected", MoversImport.reasons(error))
                    continue
                }
                let personID = personIDIndex.map { fields[$0].trimmingSpaces() }
                let match = try await resolve(record, personID: personID, source: source, touchpoints: touchpoints)
                switch match {
                case .person(let person):
                    let provenance = AttributeRepository.Provenance(
                        sourceID: source.id, text: "\(source.name) (\(name) line \(row.line))")
                    batch += values.map { .init(personID: person, key: $0.0, value: $0.1, provenance: provenance) }
                    summary.applied += 1
                    summary.valuesSet += values.count
                    if batch.count >= batchSize { try await flush() }
                case .none(let reason):
                    summary.unmatched += 1
                    summary.problem(row.line, "no_match", [reason])
                case .several(let reasons):
                    summary.ambiguous += 1
                    summary.problem(row.line, "ambiguous", reasons)
                case .unusable(let reasons):
                    summary.rejected += 1
                    summary.problem(row.line, "rejected", reasons)
                }
            }
        } catch let error as CSVError {
            summary.stopped = "stopped at line \(file.line): \(error.description)"
        }
        try await flush()
        summary.encoding = file.encoding
        return summary
    }

    /// The mapping's issues, each naming its column; returns the person ID column's position.
    private static func check(
        _ mapping: ImportMapping, header: [String], personIDColumn: String?, definitions: [String: AttributeDefinition],
        source: Touchpoint
    ) throws(DomainError) -> Int? {
        var issues: [FieldIssue] = []
        var keys = 0
        var values = 0
        for (column, target) in mapping.columns {
            switch target {
            case .field(.email), .field(.phone), .field(.externalID), .field(.loyaltyCard):
                keys += 1
            case .attribute(let key):
                values += 1
                if definitions[key] == nil {
                    issues.append(
                        .unknown(
                            "columns.\(column)", value: "attributes.\(key)",
                            allowed: definitions.keys.sorted().map { "attributes.\($0)" }))
                } else if !source.allowedAttributes.isEmpty && !source.allowedAttributes.contains(key) {
                    issues.append(
                        FieldIssue(
                            field: "columns.\(column)", code: "not_allowed",
                            message: "Touchpoint '\(source.name)' may not supply the attribute '\(key)'."))
                }
            default:
                issues.append(
                    FieldIssue(
                        field: "columns.\(column)", code: "not_enrichable",
                        message: "An enrichment file sets custom attributes only: map '\(column)' to a key "
                            + "(email, phone, externalID, loyaltyCard) or to attributes.KEY, or leave it out."))
            }
        }
        var personIDIndex: Int?
        if let personIDColumn {
            let trimmed = header.map { $0.trimmingSpaces().lowercased() }
            personIDIndex = trimmed.firstIndex(of: personIDColumn.trimmingSpaces().lowercased())
            if personIDIndex == nil {
                issues.append(
                    FieldIssue(
                        field: "personIDColumn", code: "missing_column",
                        message:
                            "The file has no column '\(personIDColumn)' (columns: \(header.joined(separator: ", ")))."))
            }
        }
        if keys == 0 && personIDColumn == nil {
            issues.append(
                FieldIssue(
                    field: "columns", code: "no_key",
                    message:
                        "Map at least one key column (email, phone, externalID, loyaltyCard) or name the person ID column."
                ))
        }
        if values == 0 {
            issues.append(
                FieldIssue(
                    field: "columns", code: "no_attributes", message: "Map at least one column to attributes.KEY."))
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return personIDIndex
    }

    /// The row's values, each read for its attribute's type; issues name `attributes.KEY`.
    static func values(of record: IngestRecord, definitions: [String: AttributeDefinition]) throws(DomainError)
        -> [(String, AttributeValue)]
    {
        var values: [(String, AttributeValue)] = []
        var issues: [FieldIssue] = []
        for (key, raw) in (record.attributes ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard case .string(let text) = raw, let definition = definitions[key] else { continue }
            do {
                let value = try definition.value(fromText: text, field: "attributes.\(key)")
                try definition.validate(value, field: "attributes.\(key)")
                values.append((key, value))
            } catch {
                if case .invalid(let found) = error { issues += found }
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        if values.isEmpty {
            throw .invalid([FieldIssue(field: "attributes", code: "required", message: "The row has no values.")])
        }
        return values
    }

    enum Match {
        case person(PersonID)
        case none(String)
        case several([String])
        case unusable([String])
    }

    /// The one person the row's keys point to.
    private func resolve(_ record: IngestRecord, personID: String?, source: Touchpoint, touchpoints: [SourceID])
        async throws
        -> Match
    {
        var found: [PersonID: [String]] = [:]
        if let personID, !personID.isEmpty {
            if try await database.readFirst("SELECT id FROM people WHERE id = ?", [.text(personID)]) != nil {
                found[PersonID(rawValue: personID), default: []].append("person ID \(personID)")
            }
        }
        var keyRecord = record
        keyRecord.attributes = nil
        var tried: [String] = personID.map { ["person ID \($0)"] } ?? []
        if !keyRecord.suppliedAttributes.isEmpty {
            // The keys are what the row is matched on, not data the source supplies: no allowance applies.
            var matching = source
            matching.allowedAttributes = []
            switch keyRecord.normalised(for: matching, ids: ids, now: Date()) {
            case .failure(let error): return .unusable(MoversImport.reasons(error))
            case .success(let normalised):
                for key in normalised.keys {
                    let shown = "\(key.field) \(PersonKeyIndex.display(key))"
                    tried.append(shown)
                    for person in try await people(for: key, touchpoints: touchpoints) {
                        found[person, default: []].append(shown)
                    }
                }
            }
        }
        if found.isEmpty { return .none("nobody has \(tried.joined(separator: ", "))") }
        if found.count > 1 {
            return .several(found.keys.sorted().map { "\(found[$0]!.joined(separator: ", ")) → \($0)" })
        }
        return .person(found.keys.first!)
    }

    /// Who a key points to; a customer number as any touchpoint knows it.
    private func people(for key: PersonKey, touchpoints: [SourceID]) async throws -> [PersonID] {
        guard key.kind == .externalID, !touchpoints.isEmpty else {
            return try await PersonKeyIndex.lookup(key, on: database.sql).map { [$0] } ?? []
        }
        let number = PersonKeyIndex.display(key)
        var query = SQLQueryString(
            "SELECT DISTINCT person_id FROM person_keys WHERE kind = 'external_id' AND value IN (")
        for (offset, touchpoint) in touchpoints.enumerated() {
            query +=
                offset == 0
                ? "\(bind: "\(touchpoint.rawValue):\(number)")" : ", \(bind: "\(touchpoint.rawValue):\(number)")"
        }
        return try await database.sql.raw(query + ")").all().map { try $0.id("person_id") }
    }
}
