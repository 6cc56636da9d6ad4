import Foundation
import RapportCore

/// The columns of a movers file (R1.6), recognised by their names: one person or family per
/// row, the old address, the new address and the effective date.
///
/// Names are compared in lower case with everything but letters and digits dropped, so
/// `Old Postcode`, `old_postcode` and `oldPostcode` are one name. Old-address columns start
/// with `old` or `from`, new-address ones with `new` or `to` (`old_line1`, `new_city`,
/// `from_zip`); a plain `country` column serves both addresses. Required: the family name,
/// line 1 and city of both addresses, a country for each, and the effective date.
/// Columns not recognised are listed in ``ignored`` and reported, never read silently.
public struct MoversColumns: Sendable {
    /// What a recognised column holds.
    public enum Field: String, CaseIterable, Sendable {
        case givenName, familyName, moveType, effectiveDate, country
        case oldLine1, oldLine2, oldCity, oldPostcode, oldRegion, oldCountry
        case newLine1, newLine2, newCity, newPostcode, newRegion, newCountry
    }

    public let header: [String]
    /// Header columns that fill no field.
    public let ignored: [String]
    private let index: [Field: Int]
    private let dateFormat: ImportDateFormat

    /// Binds `header`; `effectiveDateColumn` names the date column when it has another name.
    /// Throws with every required field no column fills, and the names each may have.
    public init(
        header: [String], effectiveDateColumn: String? = nil, dateFormat: ImportDateFormat = .isoDate
    ) throws(DomainError) {
        self.header = header
        self.dateFormat = dateFormat
        var index: [Field: Int] = [:]
        var ignored: [String] = []
        var issues: [FieldIssue] = []
        let dateColumn = effectiveDateColumn.map(Self.fold)
        if let effectiveDateColumn, !header.map(Self.fold).contains(dateColumn!) {
            issues.append(
                FieldIssue(
                    field: "effectiveDateColumn", code: "missing_column",
                    message:
                        "The file has no column '\(effectiveDateColumn)' (columns: \(header.joined(separator: ", "))).")
            )
        }
        for (position, name) in header.enumerated() {
            let folded = Self.fold(name)
            let field = folded == dateColumn ? .effectiveDate : Self.field(named: folded)
            if let field, index[field] == nil { index[field] = position } else { ignored.append(name) }
        }
        let required: [(Field, Bool)] = [
            (.familyName, index[.familyName] != nil), (.oldLine1, index[.oldLine1] != nil),
            (.oldCity, index[.oldCity] != nil), (.newLine1, index[.newLine1] != nil),
            (.newCity, index[.newCity] != nil),
            (.effectiveDate, index[.effectiveDate] != nil),
            (.country, index[.country] != nil || (index[.oldCountry] != nil && index[.newCountry] != nil)),
        ]
        for (field, present) in required where !present {
            let names = Self.names.filter { $0.value == field }.map(\.key).sorted().joined(separator: ", ")
            issues.append(
                FieldIssue(
                    field: "header.\(field.rawValue)", code: "missing_column",
                    message: "No column holds \(field.rawValue) (accepted names: \(names)); the header is: "
                        + header.joined(separator: ", ") + "."))
        }
        if !issues.isEmpty { throw .invalid(issues) }
        self.index = index
        self.ignored = ignored
    }

    /// One row read: the record to match and the new address as a contact point (no owner yet).
    public struct Row: Sendable {
        public var record: MoverRecord
        public var newAddress: ContactPoint
    }

    /// The row, or the issues naming each bad field (`newAddress.postcode`, `effectiveDate`).
    public func row(_ fields: [String], ids: IDGenerator, now: Date) -> Result<Row, DomainError> {
        guard fields.count == header.count else {
            return .failure(
                .invalid([
                    FieldIssue(
                        field: "row", code: "wrong_field_count",
                        message: "The row has \(fields.count) fields, the header \(header.count).")
                ]))
        }
        func value(_ field: Field) -> String? {
            guard let position = index[field] else { return nil }
            let text = fields[position].trimmingSpaces()
            return text.isEmpty ? nil : text
        }
        var issues: [FieldIssue] = []
        let familyName = value(.familyName)
        if familyName == nil { issues.append(.required("familyName")) }
        var effective: LocalDate?
        if let text = value(.effectiveDate) {
            effective = dateFormat.isoDate(text).flatMap(LocalDate.init(iso:))
            if effective == nil {
                issues.append(
                    .invalid(
                        "effectiveDate", "effectiveDate '\(text)' is not a date in the form \(dateFormat.rawValue)."))
            }
        } else {
            issues.append(.required("effectiveDate"))
        }
        var moveType = MoveType.family
        if let text = value(.moveType) {
            switch text.lowercased() {
            case "f", "family", "h", "household": moveType = .family
            case "i", "individual", "person": moveType = .individual
            default: issues.append(.unknown("moveType", value: text, allowed: ["family (F)", "individual (I)"]))
            }
        }
        let old = address(
            value, .oldLine1, .oldLine2, .oldCity, .oldPostcode, .oldRegion, .oldCountry, field: "oldAddress",
            ids: ids, now: now, issues: &issues)
        let new = address(
            value, .newLine1, .newLine2, .newCity, .newPostcode, .newRegion, .newCountry, field: "newAddress",
            ids: ids, now: now, issues: &issues)
        guard issues.isEmpty, let familyName, let effective, let old, let new, let newAddress = new.address else {
            return .failure(.invalid(issues))
        }
        var point = new
        point.validFrom = effective
        let record = MoverRecord(
            givenName: value(.givenName), familyName: familyName, oldAddressKey: old.normalized, newAddress: newAddress,
            effectiveDate: effective, moveType: moveType)
        return .success(Row(record: record, newAddress: point))
    }

    /// One address checked and standardised as any stored address is (``ContactPointDraft``),
    /// its issues renamed from `address.x` to `FIELD.x`.
    private func address(
        _ value: (Field) -> String?, _ line1: Field, _ line2: Field, _ city: Field, _ postcode: Field, _ region: Field,
        _ country: Field, field: String, ids: IDGenerator, now: Date, issues: inout [FieldIssue]
    ) -> ContactPoint? {
        let draft = AddressDraft(
            line1: value(line1), line2: value(line2), city: value(city), postcode: value(postcode),
            region: value(region),
            country: value(country) ?? value(.country))
        do {
            return try ContactPointDraft(kind: ContactKind.postal.rawValue, address: draft).validated(
                id: ids.make(), personID: nil, organisationID: nil, defaultCountry: nil, now: now)
        } catch {
            if case .invalid(let found) = error {
                issues += found.map { issue in
                    let name =
                        issue.field.hasPrefix("address") ? field + issue.field.dropFirst("address".count) : issue.field
                    return FieldIssue(field: name, code: issue.code, message: issue.message)
                }
            }
            return nil
        }
    }

    static func fold(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    private static func field(named folded: String) -> Field? {
        names[folded]
    }

    /// Every accepted column name (folded) and the field it fills.
    static let names: [String: Field] = {
        var names: [String: Field] = [
            "givenname": .givenName, "firstname": .givenName, "forename": .givenName, "familyname": .familyName,
            "surname": .familyName, "lastname": .familyName, "movetype": .moveType, "type": .moveType,
            "effectivedate": .effectiveDate, "movedate": .effectiveDate, "moveeffectivedate": .effectiveDate,
            "movedon": .effectiveDate, "country": .country,
        ]
        let parts: [(String, Field, Field)] = [
            ("line1", .oldLine1, .newLine1), ("address", .oldLine1, .newLine1), ("street", .oldLine1, .newLine1),
            ("addressline1", .oldLine1, .newLine1), ("line2", .oldLine2, .newLine2),
            ("addressline2", .oldLine2, .newLine2),
            ("flat", .oldLine2, .newLine2), ("city", .oldCity, .newCity), ("town", .oldCity, .newCity),
            ("postcode", .oldPostcode, .newPostcode), ("postalcode", .oldPostcode, .newPostcode),
            ("zip", .oldPostcode, .newPostcode), ("zipcode", .oldPostcode, .newPostcode),
            ("region", .oldRegion, .newRegion), ("state", .oldRegion, .newRegion),
            ("country", .oldCountry, .newCountry),
        ]
        for (part, old, new) in parts {
            for prefix in ["old", "from"] { names[prefix + part] = old }
            for prefix in ["new", "to"] { names[prefix + part] = new }
        }
        return names
    }()
}
