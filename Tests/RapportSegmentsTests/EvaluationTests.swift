import Testing

@testable import RapportSegments

@Suite("R3.2 dynamic segments: evaluating a rule against one person")
struct EvaluationTests {
    typealias F = Fixtures

    func matches(_ rule: String, _ subject: SegmentSubject) throws -> Bool {
        try F.check(rule).matches(subject, today: F.today)
    }

    @Test("comparisons of numbers, money, text, choices and yes/no")
    func comparisons() throws {
        let person: SegmentSubject = [
            "spend": 120.5, "frequency": 3, "country": "PL", "channel": "email", "has_email": true,
        ]
        #expect(try matches("spend > 120", person))
        #expect(try !matches("spend > 120.5", person))
        #expect(try matches("spend >= 120.5 and frequency <= 3 and frequency != 4", person))
        #expect(try matches("frequency < 4 and frequency = 3", person))
        #expect(try matches(#"country = "PL" and channel != "sms""#, person))
        #expect(try matches("has_email and has_email = true and not has_email = false", person))
        #expect(try !matches("has_email != true", person))
    }

    @Test("in, not in, between, is empty")
    func lists() throws {
        let person: SegmentSubject = ["country": "ID", "spend": 20, "city": ""]
        #expect(try matches(#"country in ("PL", "ID")"#, person))
        #expect(try !matches(#"country not in ("PL", "ID")"#, person))
        #expect(try matches("spend between 10 and 20 and spend between 20 and 30", person))
        #expect(try !matches("spend between 21 and 30", person))
        #expect(try matches("city is empty and postcode is empty and products is empty", person))
        #expect(try matches("country is not empty and spend is not empty", person))
        #expect(try !matches("recency_days is not empty", person))
    }

    @Test("sets: contains, contains any, contains all, closed choices")
    func sets() throws {
        let person: SegmentSubject = ["products": ["Catan", "Azul"], "attr.hobbies": ["chess"]]
        #expect(try matches(#"products contains "Catan""#, person))
        #expect(try !matches(#"products contains "Catan Junior""#, person))
        #expect(try matches(#"products contains any ("Dixit", "Azul")"#, person))
        #expect(try !matches(#"products contains all ("Catan", "Dixit")"#, person))
        #expect(try matches(#"products contains all ("Catan", "Azul")"#, person))
        #expect(try matches(#"attr.hobbies contains "chess" and products is not empty"#, person))
        #expect(try matches(#"not (brands contains "Lego")"#, person), "no brands bought is the empty set, not unknown")
    }

    @Test("dates: ISO literals and counts back from the given day")
    func dates() throws {
        let person: SegmentSubject = [
            "last_purchase": .date(SegmentDate(iso: "2026-01-30")!), "first_purchase": "2020-05-01",
        ]
        #expect(try matches("last_purchase >= 30 days ago", person), "30 days before 1 March is 30 January")
        #expect(try !matches("last_purchase > 30 days ago", person))
        #expect(try matches("last_purchase between 2 months ago and today", person))
        #expect(try matches("last_purchase < 4 weeks ago and last_purchase > 2026-01-01", person))
        #expect(try matches("first_purchase < 5 years ago and first_purchase = 2020-05-01", person))
        let checked = try F.check("last_purchase >= 30 days ago")
        #expect(!checked.matches(person, today: SegmentDate(iso: "2026-03-02")!), "a day later it has dropped out")
    }

    @Test("unknown values follow SQL: a test of them is unknown, and so is its negation")
    func threeValuedLogic() throws {
        let unknown: SegmentSubject = ["frequency": 2]
        #expect(try !matches(#"country = "PL""#, unknown))
        #expect(try !matches(#"country != "PL""#, unknown))
        #expect(try !matches(#"not country = "PL""#, unknown))
        #expect(try !matches(#"country not in ("PL")"#, unknown))
        #expect(try matches(#"country = "PL" or frequency = 2"#, unknown), "true or unknown is true")
        #expect(try !matches(#"not (country = "PL" and frequency = 2)"#, unknown), "not (unknown and true) is unknown")
        #expect(try matches(#"not (country = "PL" and frequency = 3)"#, unknown), "not (unknown and false) is true")
        #expect(try matches("country is empty", unknown))
    }

    @Test("text compares exactly, as the database does: case and composed forms matter")
    func exactText() throws {
        let composed: SegmentSubject = ["city": "Kraków"]
        let decomposed: SegmentSubject = ["city": "Krako\u{301}w"]
        #expect(try matches(#"city = "Kraków""#, composed))
        #expect(try !matches(#"city = "Kraków""#, decomposed))
        #expect(try !matches(#"city = "kraków""#, composed))
    }

    @Test("a value of the wrong kind counts as unknown rather than crashing")
    func wrongKinds() throws {
        #expect(try !matches("spend > 1", ["spend": "lots"]))
        #expect(try matches("spend is empty", ["spend": "lots"]))
        #expect(try !matches("has_email", ["has_email": 1]))
    }
}
