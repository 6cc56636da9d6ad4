import Foundation
import RapportCore
import SQLKit

/// The CSV rows of each part of a data mart, for one page of people: the profiles from the
/// page itself, the history with one indexed query per part over the page's IDs.
enum DataMartRows {
    static func header(_ part: DataMartPart) -> [String] {
        switch part {
        case .profiles:
            ["person_id", "given_name", "family_name", "display_name", "birth_date", "gender", "language", "country",
             "household_id", "created_at", "updated_at"]
        case .contactPoints:
            ["person_id", "contact_point_id", "kind", "value", "label", "line1", "line2", "city", "postcode", "region",
             "country", "valid_from", "valid_to", "primary", "usable"]
        case .purchases:
            ["person_id", "purchase_id", "kind", "channel", "occurred_at", "currency", "total", "margin", "reference"]
        case .interactions:
            ["person_id", "interaction_id", "channel", "direction", "outcome", "subject", "staff", "occurred_at",
             "duration_seconds"]
        case .attributes:
            ["person_id", "attribute", "label", "purpose", "value"]
        }
    }

    static func rows(
        _ part: DataMartPart, people: [any SQLRow], ids: [PersonID], today: LocalDate, on db: any SQLDatabase
    ) async throws -> [[String?]] {
        switch part {
        case .profiles:
            return try people.map { row in
                let p = try PersonRepository.person(from: row)
                return [p.id.rawValue, p.givenName, p.familyName, p.displayName, p.birthDate?.description, p.gender?.rawValue,
                        p.language, p.country, p.householdID?.rawValue, Timestamp.format(p.createdAt),
                        Timestamp.format(p.updatedAt)]
            }
        case .contactPoints:
            let sql: SQLQueryString =
                "SELECT c.*, CASE WHEN " + ContactGateSQL.mayUsePoint(alias: "c", on: today)
                + " THEN 1 ELSE 0 END AS usable FROM contact_points c WHERE c.person_id IN " + list(ids)
                + " ORDER BY c.person_id, c.id"
            return try await db.raw(sql).all().map { r in
                // A point that may not be used is never reported as the primary one.
                let usable = try r.integer("usable") == 1
                let primary = try r.flag("is_primary") && usable
                return [try r.text("person_id"), try r.text("id"), try r.text("kind"), try r.text("value"),
                        try r.optionalText("label"), try r.optionalText("line1"), try r.optionalText("line2"),
                        try r.optionalText("city"), try r.optionalText("postcode"), try r.optionalText("region"),
                        try r.optionalText("country"), try r.optionalText("valid_from"), try r.optionalText("valid_to"),
                        primary ? "1" : "0", usable ? "1" : "0"]
            }
        case .purchases:
            let sql: SQLQueryString = "SELECT * FROM purchases WHERE person_id IN " + list(ids) + " ORDER BY person_id, occurred_at, id"
            return try await db.raw(sql).all().map { r in
                let currency = try r.text("currency")
                return [try r.text("person_id"), try r.text("id"), try r.text("kind"), try r.optionalText("channel"),
                        try r.text("occurred_at"), currency, amount(try r.int64("total_minor")),
                        amount(try r.int64("margin_minor")), try r.optionalText("reference")]
            }
        case .interactions:
            let sql: SQLQueryString = "SELECT * FROM interactions WHERE person_id IN " + list(ids) + " ORDER BY person_id, occurred_at, id"
            return try await db.raw(sql).all().map { r in
                [try r.text("person_id"), try r.text("id"), try r.text("channel"), try r.text("direction"),
                 try r.text("outcome"), try r.optionalText("subject"), try r.optionalText("staff_name"),
                 try r.text("occurred_at"), try r.decode(column: "duration_seconds", as: Int?.self).map { String($0) }]
            }
        case .attributes:
            let sql: SQLQueryString =
                "SELECT v.person_id, d.key, d.label, d.purpose, v.value_text, v.value_number FROM attribute_values v "
                + "JOIN attribute_definitions d ON d.id = v.attribute_id WHERE v.person_id IN " + list(ids)
                + " ORDER BY v.person_id, d.key"
            return try await db.raw(sql).all().map { r in
                let number = try r.decode(column: "value_number", as: Double?.self)
                return [try r.text("person_id"), try r.text("key"), try r.text("label"), try r.text("purpose"),
                        try r.optionalText("value_text") ?? number.map(numberText)]
            }
        }
    }

    /// `(?, ?, …)` with the IDs bound.
    private static func list(_ ids: [PersonID]) -> SQLQueryString {
        var query = SQLQueryString("(")
        for (index, id) in ids.enumerated() {
            if index > 0 { query.appendInterpolation(unsafeRaw: ", ") }
            query.appendInterpolation(bind: id.rawValue)
        }
        query.appendInterpolation(unsafeRaw: ")")
        return query
    }

    /// Minor units as a decimal amount with two places, as `rapport export` writes them.
    private static func amount(_ minor: Int64) -> String {
        String(format: "%.2f", Double(minor) / 100)
    }

    /// Whole numbers without a fraction, others as Swift prints them.
    private static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// RFC 4180 CSV lines, for every writer of CSV (API downloads and the command line).
public enum CSVLine {
    /// One line with CRLF; a field with a comma, quote or line break is quoted.
    public static func encode(_ fields: [String?]) -> String {
        fields.map { quote($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
