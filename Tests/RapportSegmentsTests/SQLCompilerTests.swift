import Testing

@testable import RapportSegments

@Suite("R3.2 segment rules compiled to SQL for SQLite and PostgreSQL")
struct SQLCompilerTests {
    typealias F = Fixtures

    static let library = SegmentLibrary([
        .dynamic("vip", rule: .field("spend", .compare(.greaterOrEqual, 1000))),
        .dynamic("polish vip", rule: .and([.segment("vip"), .field("country", .compare(.equal, "PL"))])),
        .frozen("spring mailing"),
    ])

    func compile(
        _ rule: String, _ dialect: SegmentSQLDialect, mapping: SegmentSQLMapping = Fixtures.mapping,
        firstPlaceholder: Int = 1
    ) throws -> SegmentSQL {
        try F.check(rule, segments: Self.library)
            .sql(dialect: dialect, mapping: mapping, today: F.today, firstPlaceholder: firstPlaceholder)
    }

    @Test("comparisons and lists, with amounts scaled to minor units")
    func basics() throws {
        let rule = #"spend >= 100 and country in ("PL", "US")"#
        let binds: [SegmentBind] = [.integer(10000), .text("PL"), .text("US")]
        #expect(
            try compile(rule, .sqlite) == SegmentSQL(sql: "(s.spend_minor >= ? AND p.country IN (?, ?))", binds: binds))
        #expect(
            try compile(rule, .postgres)
                == SegmentSQL(sql: "(s.spend_minor >= $1 AND p.country IN ($2, $3))", binds: binds))
    }

    @Test("!=, not in, between; whole numbers bind as integers, others as doubles")
    func operators() throws {
        let sql = try compile("p_alive != 0.5 and frequency not in (1, 2) and recency_days between 7 and 30", .postgres)
        #expect(sql.sql == "(v.p_alive <> $1 AND s.frequency NOT IN ($2, $3) AND s.recency_days BETWEEN $4 AND $5)")
        #expect(sql.binds == [.double(0.5), .integer(1), .integer(2), .integer(7), .integer(30)])
        #expect(try compile("spend between 19.99 and 20", .sqlite).binds == [.integer(1999), .integer(2000)])
        #expect(try compile("spend < 1e300 and frequency > 1e20", .sqlite).binds == [.double(1e302), .double(1e20)])
    }

    @Test("attributes read attribute_values; the attribute id is a bind, numbered in order")
    func attributes() throws {
        let rule = #"attr.favourite_game = "Catan" and frequency > 2"#
        let lookup =
            "(SELECT sav.value_text FROM attribute_values sav WHERE sav.person_id = p.id AND sav.attribute_id = "
        #expect(try compile(rule, .sqlite).sql == "(\(lookup)?) = ? AND s.frequency > ?)")
        let pg = try compile(rule, .postgres)
        #expect(pg.sql == "(\(lookup)$1) = $2 AND s.frequency > $3)")
        #expect(pg.binds == [.text("attr_game"), .text("Catan"), .integer(2)])
    }

    @Test("sets read through a SELECT of their elements")
    func elementSets() throws {
        let products =
            "SELECT l.product FROM purchase_lines l JOIN purchases u ON u.id = l.purchase_id WHERE u.person_id = p.id"
        let any = try compile(#"products contains any ("Catan", "Azul")"#, .postgres)
        #expect(any.sql == "($1 IN (\(products)) OR $2 IN (\(products)))")
        #expect(any.binds == [.text("Catan"), .text("Azul")])
        #expect(
            try compile(#"products contains all ("Catan", "Azul")"#, .sqlite).sql
                == "(? IN (\(products)) AND ? IN (\(products)))")
        #expect(try compile(#"products contains "Catan""#, .sqlite).sql == "? IN (\(products))")
        #expect(try compile("products is empty", .sqlite) == SegmentSQL(sql: "NOT EXISTS (\(products))", binds: []))
        #expect(try compile("products is not empty", .sqlite).sql == "EXISTS (\(products))")
    }

    @Test("multi-choice attributes stored as delimited text: instr in SQLite, strpos in PostgreSQL")
    func delimitedSets() throws {
        let lookup =
            "(SELECT sav.value_text FROM attribute_values sav WHERE sav.person_id = p.id AND sav.attribute_id = "
        let sqlite = try compile(#"attr.hobbies contains "chess""#, .sqlite)
        #expect(sqlite.sql == "instr(? || COALESCE(\(lookup)?), '') || ?, ?) > 0")
        #expect(sqlite.binds == [.text("\n"), .text("attr_hobby"), .text("\n"), .text("\nchess\n")])
        let pg = try compile(#"attr.hobbies contains "chess""#, .postgres)
        #expect(pg.sql == "strpos($1 || COALESCE(\(lookup)$2), '') || $3, $4) > 0")
        #expect(try compile("attr.hobbies is empty", .sqlite).sql == "(\(lookup)?) IS NULL OR \(lookup)?) = '')")
    }

    @Test("yes/no: SQLite binds 0/1, PostgreSQL booleans, attributes the text true/false")
    func booleans() throws {
        let rule = "has_email and attr.newsletter = false"
        let lookup =
            "(SELECT sav.value_text FROM attribute_values sav WHERE sav.person_id = p.id AND sav.attribute_id = "
        let sqlite = try compile(rule, .sqlite)
        #expect(sqlite.sql == "(s.has_email = ? AND \(lookup)?) = ?)")
        #expect(sqlite.binds == [.integer(1), .text("attr_news"), .text("false")])
        #expect(try compile(rule, .postgres).binds == [.boolean(true), .text("attr_news"), .text("false")])
    }

    @Test("is empty: NULL or empty text for text, NULL for the rest")
    func emptiness() throws {
        #expect(
            try compile("country is empty and spend is not empty and city is not empty", .sqlite).sql
                == "((p.country IS NULL OR p.country = '') AND s.spend_minor IS NOT NULL "
                + "AND (p.city IS NOT NULL AND p.city <> ''))")
    }

    @Test("dates bind as ISO text; relative dates are resolved against the given day")
    func dates() throws {
        let sql = try compile("last_purchase > 30 days ago and last_purchase <= \"2026-02-15\"", .sqlite)
        #expect(
            sql
                == SegmentSQL(
                    sql: "(s.last_purchase > ? AND s.last_purchase <= ?)",
                    binds: [.text("2026-01-30"), .text("2026-02-15")]))
        #expect(
            try compile("attr.birthday = 2000-02-29", .postgres).binds == [.text("attr_bday"), .text("2000-02-29")])
    }

    @Test("not, and sub-segments: inlined, as IS TRUE under not, frozen through the membership template")
    func segments() throws {
        let sql = try compile(#"not in segment "vip" and in segment "vip" and in segment "spring mailing""#, .sqlite)
        #expect(
            sql.sql
                == "(NOT ((s.spend_minor >= ?) IS TRUE) AND s.spend_minor >= ? AND "
                + "(p.id IN (SELECT m.person_id FROM segment_members m WHERE m.segment_key = ?)))")
        #expect(sql.binds == [.integer(100_000), .integer(100_000), .text("spring mailing")])
        #expect(
            try compile(#"not in segment "polish vip""#, .postgres).sql
                == "NOT ((s.spend_minor >= $1 AND p.country = $2) IS TRUE)")
        #expect(
            try compile(#"not (spend > 1 or country = "PL")"#, .sqlite).sql
                == "NOT (s.spend_minor > ? OR p.country = ?)")
        #expect(try compile("not not spend > 1", .sqlite).sql == "NOT (NOT (s.spend_minor > ?))")
    }

    @Test("a fragment placed after other binds numbers its placeholders from there")
    func firstPlaceholder() throws {
        #expect(
            try compile("spend > 1 and frequency > 2", .postgres, firstPlaceholder: 5).sql
                == "(s.spend_minor > $5 AND s.frequency > $6)")
    }

    @Test("user values never reach the SQL text")
    func noInterpolation() throws {
        let sql = try compile(#"country = "x' OR 1=1 --" or city in ("'; DROP TABLE people; --")"#, .sqlite)
        #expect(sql.sql == "(p.country = ? OR p.city IN (?))")
        #expect(sql.binds == [.text("x' OR 1=1 --"), .text("'; DROP TABLE people; --")])
    }

    @Test("a field or frozen segment the mapping lacks is a typed error, not bad SQL")
    func unmapped() throws {
        #expect(throws: SegmentRuleError.self) { try compile("postcode is empty", .sqlite) }
        do {
            _ = try compile("postcode is empty", .sqlite)
        } catch let error as SegmentRuleError {
            #expect(error.code == .unmappedField)
            #expect(error.field == "postcode")
        }
        var wrongKind = F.mapping
        wrongKind["products"] = .value("s.products")
        #expect(throws: SegmentRuleError.self) { try compile(#"products contains "x""#, .sqlite, mapping: wrongKind) }
        var noFrozen = F.mapping
        noFrozen.frozenMembership = nil
        #expect(throws: SegmentRuleError.self) {
            try compile(#"in segment "spring mailing""#, .sqlite, mapping: noFrozen)
        }
    }
}
