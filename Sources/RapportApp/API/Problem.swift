import Foundation
import Hummingbird
import RapportCore
import RapportSegments
import RapportStore

/// An RFC 9457 problem document: what went wrong, in words and with stable codes, and for
/// invalid input which field and why.
struct Problem: Encodable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var code: String
    var errors: [Issue]?
    /// For a merged person's ID: the person it was merged into (R1.7).
    var mergedInto: String?

    /// One thing wrong with the request: the field, a stable code, how to fix it and, for
    /// segment rules, where in the rule.
    struct Issue: Encodable, Sendable, Equatable {
        var field: String
        var code: String
        var message: String
        /// 1-based line and column and 0-based character offset in rule text.
        var line: Int?
        var column: Int?
        var offset: Int?
        /// The node in the rule's JSON form, such as `and[1].value`.
        var path: String?
        /// The rule field the problem is about, such as `spnd`.
        var ruleField: String?

        init(_ issue: FieldIssue) {
            field = issue.field
            code = issue.code
            message = issue.message
        }

        init(_ error: SegmentRuleError, field: String) {
            self.field = field
            code = error.code.rawValue
            message = error.message
            line = error.position?.line
            column = error.position?.column
            offset = error.position?.offset
            path = error.path.isEmpty ? nil : error.path
            ruleField = error.field
        }
    }

    init(status: HTTPResponse.Status, code: String, detail: String, errors: [FieldIssue]? = nil) {
        self.init(status: status, code: code, detail: detail, issues: errors.map { $0.map(Issue.init) })
    }

    init(status: HTTPResponse.Status, code: String, detail: String, issues: [Issue]?) {
        self.type = "https://rapport.dev/problems/\(code)"
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.code = code
        self.errors = issues
    }

    /// The problem for any error a handler threw.
    static func from(_ error: any Error) -> Problem? {
        switch error {
        case let error as DomainError:
            let status: HTTPResponse.Status =
                switch error {
                case .invalid: .unprocessableContent
                case .notFound: .notFound
                case .conflict: .conflict
                case .forbidden: .forbidden
                }
            var issues: [FieldIssue]?
            if case .invalid(let list) = error { issues = list }
            if case .conflict(let field, let message) = error { issues = [FieldIssue(field: field, code: "conflict", message: message)] }
            return Problem(status: status, code: error.code, detail: error.message, errors: issues)
        case let merged as MergedPersonError:
            var problem = Problem(
                status: .gone, code: "person_merged", detail: merged.message,
                errors: [FieldIssue(field: "id", code: "merged", message: merged.message)])
            problem.mergedInto = merged.survivorID.rawValue
            return problem
        case let rejection as SegmentRuleRejection:
            return Problem(
                status: .unprocessableContent, code: "invalid_segment_rule", detail: rejection.message,
                issues: rejection.errors.map { Issue($0, field: rejection.field) })
        case let error as DecodingError:
            let issue = FieldIssue.from(error)
            return Problem(status: .badRequest, code: "malformed_request", detail: issue.message, errors: [issue])
        case let error as HTTPError:
            let code = error.status == .unauthorized ? "unauthorized" : error.status == .forbidden ? "forbidden" : "http_\(error.status.code)"
            return Problem(status: error.status, code: code, detail: error.body ?? error.status.reasonPhrase)
        default:
            return nil
        }
    }

    func response() throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"rapport\"" }
        let data = try JSONCoding.encoder.encode(self)
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension FieldIssue {
    /// Names the field a JSON decoding error is about, as a path like `lines[0].amount`.
    static func from(_ error: DecodingError) -> FieldIssue {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { result, key in
                if let index = key.intValue { return result + "[\(index)]" }
                return result.isEmpty ? key.stringValue : result + "." + key.stringValue
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return FieldIssue(field: field, code: "wrong_type", message: "\(field.isEmpty ? "body" : field) must be \(Self.describe(type)).")
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return FieldIssue(field: field, code: "wrong_type", message: "\(field) must be \(Self.describe(type)), not null.")
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .required(field)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return FieldIssue(
                field: field.isEmpty ? "body" : field, code: "malformed_json",
                message: field.isEmpty
                    ? "The body is not valid JSON (UTF-8)\(underlying.map { ": \($0)" } ?? ".")" : "\(field): \(context.debugDescription)")
        @unknown default:
            return FieldIssue(field: "body", code: "malformed_json", message: "The body could not be read as JSON.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is String?.Type: "a string"
        case is Int.Type, is Int?.Type: "a whole number"
        case is Double.Type, is Double?.Type: "a number"
        case is Bool.Type, is Bool?.Type: "true or false"
        default: "of type \(type)"
        }
    }
}
