import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore

/// Small request helpers for the touchpoint, ingestion and quarantine tests.
extension AppFixture {
    /// Sends `body` and hands back the status and the decoded JSON (object or array).
    @discardableResult
    func send(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, as role: Role = .administrator
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], array: [Any]) {
        try await client.execute(uri: uri, method: method, headers: headers(role), body: body.map { ByteBuffer(string: $0) }) { response in
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
            return (response.status, object as? [String: Any] ?? [:], object as? [Any] ?? [])
        }
    }

    /// Registers a touchpoint through the API and returns its id.
    func registerTouchpoint(_ client: any TestClientProtocol, name: String, allowed: [String] = []) async throws -> String {
        let attributes = allowed.map { "\"\($0)\"" }.joined(separator: ",")
        let response = try await send(
            client, .post, "/api/v1/touchpoints", #"{"name":"\#(name)","kind":"web","trustRank":2,"allowedAttributes":[\#(attributes)]}"#)
        precondition(response.status == .created, "could not register \(name): \(response.json)")
        return response.json["id"] as! String
    }

    func count(_ sql: String) async throws -> Int {
        try await store.database.sql.raw("\(unsafeRaw: sql)").first()!.decode(column: "n", as: Int.self)
    }
}

/// The fields named by a problem document or an ingestion result.
func fields(_ json: [String: Any], key: String = "errors") -> [String] {
    (json[key] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
}
