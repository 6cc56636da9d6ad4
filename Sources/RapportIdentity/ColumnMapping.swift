import RapportIntegration

/// Which CSV column supplies which `PersonAttribute`.
///
/// Columns are recognised by their usual names (`first_name`, `zip`, `suburb`, FEBRL's
/// `soc_sec_id` …, case-insensitive, spaces and dashes read as underscores); explicit
/// `column=attribute` overrides and an explicit id column win over recognition.
public struct ColumnMapping: Sendable, Hashable {
    /// Column index of the record id.
    public let idColumn: Int
    /// Column index per mapped attribute.
    public let columns: [PersonAttribute: Int]
    /// Number of header columns.
    public let width: Int

    /// Builds the mapping for `header`.
    /// - Parameters:
    ///   - idColumn: the id column's name, when not one of the recognised names.
    ///   - overrides: `column=attribute` entries, e.g. `["nr_klienta=customer_number"]`.
    public init(header: [String], idColumn: String? = nil, overrides: [String] = []) throws(CSVError) {
        let keys = header.map(Self.key)
        width = header.count
        var columns: [PersonAttribute: Int] = [:]
        for attribute in PersonAttribute.allCases where attribute != .recordID {
            if let index = keys.firstIndex(where: { attribute.knownColumnNames.contains($0) }) {
                columns[attribute] = index
            }
        }
        for entry in overrides {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw .malformedMapping(entry) }
            guard let index = keys.firstIndex(of: Self.key(parts[0])) else {
                throw .missingColumn(parts[0])
            }
            guard let attribute = PersonAttribute(rawValue: Self.key(parts[1])) else {
                throw .unknownAttribute(parts[1], known: PersonAttribute.allCases.map(\.rawValue))
            }
            for (other, column) in columns where column == index { columns[other] = nil }
            columns[attribute] = index
        }
        if let idColumn {
            guard let index = keys.firstIndex(of: Self.key(idColumn)) else {
                throw .missingColumn(idColumn)
            }
            self.idColumn = index
        } else if let index = columns[.recordID]
            ?? keys.firstIndex(where: {
                PersonAttribute.recordID.knownColumnNames.contains($0)
            })
        {
            self.idColumn = index
        } else {
            throw .missingIDColumn(tried: PersonAttribute.recordID.knownColumnNames)
        }
        columns[.recordID] = nil
        self.columns = columns
    }

    /// The record of one data row; short rows read as missing values.
    public func record(_ row: [String], line: Int) throws(CSVError) -> PersonRecord {
        guard row.count <= width else {
            throw .tooManyFields(line: line, expected: width, found: row.count)
        }
        var record = PersonRecord(id: idColumn < row.count ? row[idColumn] : "")
        for (attribute, column) in columns where column < row.count { record[attribute] = row[column] }
        return record
    }

    private static func key(_ name: String) -> String {
        String(name.trimmedWhitespace.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}
