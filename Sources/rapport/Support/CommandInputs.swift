import Foundation
import RapportCore
import RapportIntegration
import RapportStore

/// What file commands (`import`, `enrich`) read besides the file: a mapping and a touchpoint,
/// each failing with one line naming the problem.
enum CommandInputs {
    /// The column mapping in the JSON file at `path`.
    static func mapping(at path: String) throws -> ImportMapping {
        do {
            return try ImportMapping(json: try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as ImportMappingError {
            throw CommandFailure("\(path): \(error.description)")
        } catch {
            throw CommandFailure("cannot read the mapping \(path): \(error.localizedDescription)")
        }
    }

    /// The touchpoint with this name or ID.
    static func touchpoint(_ name: String, in store: Store) async throws -> Touchpoint {
        let touchpoints = try await store.sources.list()
        guard let touchpoint = touchpoints.first(where: { $0.name == name || $0.id.rawValue == name }) else {
            let known = touchpoints.map(\.name).sorted().joined(separator: ", ")
            throw CommandFailure("unknown touchpoint '\(name)' (registered: \(known.isEmpty ? "none" : known))")
        }
        return touchpoint
    }
}
