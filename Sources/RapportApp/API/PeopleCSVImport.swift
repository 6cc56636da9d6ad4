import Foundation
import RapportCore
import RapportIntegration
import RapportStore

/// Reads a CSV of people (one per row, with optional e-mail and phone) into a batch, all
/// or nothing: every bad row and field is reported as `rows[LINE].field`, and nothing is
/// stored unless every row is good.
struct PeopleCSVImport {
    /// Accepted headers (case-insensitive, `_` and `-` ignored) and the field each fills.
    static let columns: [String: String] = [
        "givenname": "givenName", "firstname": "givenName", "familyname": "familyName", "surname": "familyName",
        "lastname": "familyName", "birthdate": "birthDate", "dateofbirth": "birthDate", "gender": "gender",
        "language": "language", "country": "country", "email": "email", "phone": "phone",
    ]
    static let maxRows = 10_000

    let ids: IDGenerator
    let now: Date

    func batch(from text: String) throws(DomainError) -> RecordBatch {
        let reader = CSVReader(text: text)
        let first: [String]?
        do {
            first = try reader.nextRow()
        } catch {
            throw .invalid([FieldIssue(field: "body", code: "malformed_csv", message: error.description)])
        }
        guard let header = first else { throw .invalid([.required("body")]) }
        var fields: [String?] = []
        var issues: [FieldIssue] = []
        for name in header {
            let key = name.lowercased().filter { $0.isLetter }
            guard let field = Self.columns[key] else {
                issues.append(.unknown("header.\(name)", value: name, allowed: ["givenName", "familyName", "birthDate", "gender", "language", "country", "email", "phone"]))
                fields.append(nil)
                continue
            }
            fields.append(field)
        }
        if !issues.isEmpty { throw .invalid(issues) }
        var batch = RecordBatch()
        var rowNumber = 1
        while true {
            let next: [String]?
            do {
                next = try reader.nextRow()
            } catch {
                issues.append(FieldIssue(field: "rows[\(rowNumber + 1)]", code: "malformed_csv", message: error.description))
                break
            }
            guard let row = next else { break }
            rowNumber += 1
            if rowNumber - 1 > Self.maxRows {
                throw .invalid([.outOfRange("body", "A CSV import takes at most \(Self.maxRows) rows; split the file.")])
            }
            if row.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if row.count != header.count {
                issues.append(FieldIssue(field: "rows[\(rowNumber)]", code: "wrong_field_count", message: "line \(rowNumber) has \(row.count) fields; the header has \(header.count)."))
                continue
            }
            var values: [String: String] = [:]
            for (index, field) in fields.enumerated() { if let field { values[field] = row[index] } }
            do {
                try add(values, line: rowNumber, to: &batch)
            } catch {
                if case .invalid(let found) = error {
                    issues += found.map { FieldIssue(field: "rows[\(rowNumber)].\($0.field)", code: $0.code, message: "line \(rowNumber): \($0.message)") }
                }
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        if batch.people.isEmpty { throw .invalid([FieldIssue(field: "body", code: "required", message: "The CSV has a header but no people.")]) }
        return batch
    }

    private func add(_ values: [String: String], line: Int, to batch: inout RecordBatch) throws(DomainError) {
        let draft = PersonDraft(
            givenName: values["givenName"], familyName: values["familyName"], birthDate: values["birthDate"],
            gender: values["gender"], language: values["language"], country: values["country"])
        var issues: [FieldIssue] = []
        var person: Person?
        do { person = try draft.validated(id: ids.make(), now: now) } catch { if case .invalid(let found) = error { issues += found } }
        var points: [ContactPoint] = []
        for kind in ["email", "phone"] {
            guard let value = values[kind], !value.trimmingSpaces().isEmpty else { continue }
            do {
                points.append(
                    try ContactPointDraft(kind: kind, value: value, isPrimary: true).validated(
                        id: ids.make(), personID: person?.id, organisationID: nil, defaultCountry: person?.country ?? values["country"],
                        now: now))
            } catch {
                if case .invalid(let found) = error { issues += found.map { FieldIssue(field: kind, code: $0.code, message: $0.message.replacingOccurrences(of: "value", with: kind)) } }
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        batch.people.append(person!)
        batch.contactPoints += points
    }
}
