import Foundation
import RapportCore
import RapportIntegration
import RapportStore

/// The settings of a movers or enrichment upload, read from query parameters (API) or form
/// fields (web), each bad one named in the error.
enum FileJobParameters {
    /// `effectiveDateColumn`, `dateFormat`, `delimiter` and `encoding` of a movers file.
    static func moversOptions(_ values: [String: String]) throws(DomainError) -> MoversImport.Options {
        func value(_ key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }
        var issues: [FieldIssue] = []
        var options = MoversImport.Options(effectiveDateColumn: value("effectiveDateColumn"))
        if let text = value("dateFormat") {
            if let format = ImportDateFormat(rawValue: text.lowercased()) {
                options.dateFormat = format
            } else {
                issues.append(.unknown("dateFormat", value: text, allowed: ImportDateFormat.allCases.map(\.rawValue)))
            }
        }
        if let text = value("delimiter") {
            let known: [String: UInt8] = [
                ",": UInt8(ascii: ","), ";": UInt8(ascii: ";"), "tab": 0x09, "|": UInt8(ascii: "|"),
            ]
            if let byte = known[text] {
                options.delimiter = byte
            } else {
                issues.append(.unknown("delimiter", value: text, allowed: [",", ";", "tab", "|"]))
            }
        }
        if let text = value("encoding"), text.lowercased() != "auto" {
            if let encoding = TextEncoding(label: text) {
                options.encoding = encoding
            } else {
                issues.append(
                    .unknown("encoding", value: text, allowed: ["auto"] + TextEncoding.allCases.map(\.rawValue)))
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return options
    }

    /// An enrichment mapping's JSON (see ``ImportMapping``), its problems under `mapping`.
    static func mapping(_ text: String?) throws(DomainError) -> ImportMapping {
        guard let text, !text.isEmpty else { throw .invalid([.required("mapping")]) }
        do {
            return try ImportMapping(json: Array(text.utf8))
        } catch {
            throw .invalid([FieldIssue(field: "mapping", code: "invalid_mapping", message: error.description)])
        }
    }

    /// A file that cannot start, as a problem naming the body (or the mapping).
    static func problem(_ error: CSVImportError) -> DomainError {
        if case .mapping(let mapping) = error {
            return .invalid([FieldIssue(field: "mapping", code: "mapping_mismatch", message: mapping.description)])
        }
        return .invalid([FieldIssue(field: "body", code: "unreadable_csv", message: error.description)])
    }

    /// The touchpoint named `name` (a name or an ID), or a problem naming `field`.
    static func touchpoint(_ name: String?, field: String, in store: Store) async throws -> Touchpoint {
        guard let name, !name.isEmpty else { throw DomainError.invalid([.required(field)]) }
        let touchpoints = try await store.sources.list()
        guard let found = touchpoints.first(where: { $0.name == name || $0.id.rawValue == name }) else {
            throw DomainError.invalid([.unknown(field, value: name, allowed: touchpoints.map(\.name).sorted())])
        }
        return found
    }
}
